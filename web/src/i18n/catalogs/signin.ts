const en = {
  'signin.next': 'Next',
  'signin.back': 'Use another account',
  'signin.redirecting': "Taking you to your organization's sign-in page…",
  'signin.signedOut': 'You are signed out of Selfserve.',
  'signin.endProviderSession': "Also sign out of your organization's account",
  'signin.sso.sso_state_invalid': 'This sign-in did not come from this browser or took too long. Please sign in again.',
  'signin.sso.sso_token_invalid':
    "Your organization's identity provider gave an answer we could not accept. Please sign in again or ask your admin.",
  'signin.sso.sso_not_provisioned': 'You have no account here yet. Ask your admin to add you.',
  'signin.sso.sso_person_disabled': 'Your account is disabled. Ask your admin.',
  'signin.sso.sso_domain_mismatch':
    "Your organization's identity provider signed you in with an address outside its domains.",
  'signin.sso.sso_email_unverified': 'Your identity provider says your e-mail address is not verified.',
  'signin.sso.other': 'Signing in with your organization failed. Please try again.',
  'invite.title': 'Choose your password',
  'invite.resetTitle': 'Choose a new password',
  'invite.intro': 'Welcome to {organization}, {name}. You will sign in as {email}.',
  'invite.newPassword': 'New password (at least 10 characters)',
  'invite.confirm': 'Confirm the password',
  'invite.mismatch': 'The two passwords differ.',
  'invite.submit': 'Save and sign in',
  'error.invitation_invalid': 'This link has expired or was used already. Ask your admin for a new one.',
};

const fr: Record<keyof typeof en, string> = {
  'signin.next': 'Suivant',
  'signin.back': 'Utiliser un autre compte',
  'signin.redirecting': 'Redirection vers la page de connexion de votre organisation…',
  'signin.signedOut': 'Vous êtes déconnecté(e) de Selfserve.',
  'signin.endProviderSession': 'Vous déconnecter aussi du compte de votre organisation',
  'signin.sso.sso_state_invalid':
    'Cette connexion ne vient pas de ce navigateur ou a pris trop de temps. Reconnectez-vous.',
  'signin.sso.sso_token_invalid':
    "Le fournisseur d'identité de votre organisation a donné une réponse que nous ne pouvons pas accepter. Reconnectez-vous ou contactez votre administrateur.",
  'signin.sso.sso_not_provisioned':
    "Vous n'avez pas encore de compte ici. Demandez à votre administrateur de vous ajouter.",
  'signin.sso.sso_person_disabled': 'Votre compte est désactivé. Contactez votre administrateur.',
  'signin.sso.sso_domain_mismatch':
    "Le fournisseur d'identité de votre organisation vous a connecté(e) avec une adresse hors de ses domaines.",
  'signin.sso.sso_email_unverified':
    "Votre fournisseur d'identité indique que votre adresse e-mail n'est pas vérifiée.",
  'signin.sso.other': 'La connexion avec votre organisation a échoué. Réessayez.',
  'invite.title': 'Choisissez votre mot de passe',
  'invite.resetTitle': 'Choisissez un nouveau mot de passe',
  'invite.intro': 'Bienvenue dans {organization}, {name}. Vous vous connecterez avec {email}.',
  'invite.newPassword': 'Nouveau mot de passe (10 caractères au moins)',
  'invite.confirm': 'Confirmez le mot de passe',
  'invite.mismatch': 'Les deux mots de passe diffèrent.',
  'invite.submit': 'Enregistrer et se connecter',
  'error.invitation_invalid': 'Ce lien a expiré ou a déjà servi. Demandez-en un nouveau à votre administrateur.',
};

export default { en, fr };
