import type { Deps } from '../deps.js';
import type { Queryable } from '../../db/database.js';
import { insertInvitation, type InvitationPurpose } from '../../db/invitations.js';
import { hashSecret, newSecret } from '../auth/tokens.js';

const TTL_MS: Record<InvitationPurpose, number> = { invitation: 7 * 86_400_000, password_reset: 86_400_000 };

export interface IssuedInvitation {
  /** the one-time link; its secret is in the fragment, which browsers never send to a server or a log */
  url: string;
  expiresAt: Date;
}

/** A one-time link for the person to choose a password, in the caller's transaction. */
export async function issueInvitation(
  tx: Queryable,
  now: Date,
  i: { orgId: string; personId: string; purpose: InvitationPurpose; createdBy: string | null },
  baseUrl: string,
): Promise<IssuedInvitation> {
  const token = newSecret();
  const expiresAt = new Date(now.getTime() + TTL_MS[i.purpose]);
  await insertInvitation(tx, { ...i, tokenHash: hashSecret(token), now, expiresAt });
  return { url: `${baseUrl.replace(/\/$/, '')}/invitation#${token}`, expiresAt };
}

/**
 * E-mails the link (after the transaction committed, so a rolled-back invitation is never
 * sent). False when there is no mail server or it refused: whoever issued the link hands it over.
 */
export async function emailInvitation(
  deps: Deps,
  to: { email: string; displayName: string },
  organizationName: string,
  purpose: InvitationPurpose,
  invitation: IssuedInvitation,
): Promise<boolean> {
  if (!deps.mailer) return false;
  const until = invitation.expiresAt.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  const [subject, sujet, text, texte] =
    purpose === 'invitation'
      ? [
          `You are invited to ${organizationName} on Selfserve`,
          `Vous êtes invité(e) dans ${organizationName} sur Selfserve`,
          `Open this link to choose your password and sign in (it works once, until ${until}):`,
          `Ouvrez ce lien pour choisir votre mot de passe et vous connecter (valable une fois, jusqu'au ${until}) :`,
        ]
      : [
          'Choose a new Selfserve password',
          'Choisissez un nouveau mot de passe Selfserve',
          `An admin of ${organizationName} reset your password. Open this link to choose a new one (it works once, until ${until}):`,
          `Un administrateur de ${organizationName} a réinitialisé votre mot de passe. Ouvrez ce lien pour en choisir un nouveau (valable une fois, jusqu'au ${until}) :`,
        ];
  try {
    await deps.mailer.send({
      to: to.email,
      subject: `${subject} / ${sujet}`,
      text: `Hello ${to.displayName},\n\n${text}\n${invitation.url}\n\n---\n\nBonjour ${to.displayName},\n\n${texte}\n${invitation.url}\n`,
    });
    return true;
  } catch {
    return false;
  }
}
