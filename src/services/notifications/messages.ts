import type { NotificationKind } from '../../db/notifications.js';
import type { Locale } from '../../domain/locale.js';

/** The e-mail for a notification, in its recipient's language. */
export function mailFor(
  kind: NotificationKind,
  payload: Record<string, unknown>,
  name: string,
  locale: Locale,
): { subject: string; text: string } {
  const p = payload as Record<string, string>;
  const texts: Record<NotificationKind, [string, string, string, string]> = {
    take_control: [
      `An admin took control of your ${p.product} subscription`,
      `Hello ${name},\n\nYour organization's admin took control of your self-service subscription to ${p.product} (${p.action === 'move_users' ? 'its users were moved to an organization subscription' : 'it was canceled'}). You will not be charged for it again.`,
      `Un administrateur a pris le contrôle de votre abonnement ${p.product}`,
      `Bonjour ${name},\n\nL'administrateur de votre organisation a pris le contrôle de votre abonnement en libre-service à ${p.product}. Il ne vous sera plus facturé.`,
    ],
    renewal_failed: [
      `The renewal of ${p.product} failed`,
      `Hello ${name},\n\nWe could not charge your card for the renewal of ${p.product}. The subscription is expired: your users keep access for 30 days while we retry daily. Update your payment method to keep it.`,
      `Le renouvellement de ${p.product} a échoué`,
      `Bonjour ${name},\n\nNous n'avons pas pu débiter votre carte pour le renouvellement de ${p.product}. L'abonnement a expiré : vos utilisateurs gardent l'accès 30 jours pendant que nous réessayons chaque jour. Mettez à jour votre mode de paiement.`,
    ],
    card_expiring: [
      `Your card ending in ${p.last4} expires soon`,
      `Hello ${name},\n\nYour ${p.brand} card ending in ${p.last4} expires at the end of ${p.expMonth}/${p.expYear}. Update it in Bills & payments > Payment methods so that your subscriptions renew.`,
      `Votre carte se terminant par ${p.last4} expire bientôt`,
      `Bonjour ${name},\n\nVotre carte ${p.brand} se terminant par ${p.last4} expire fin ${p.expMonth}/${p.expYear}. Mettez-la à jour dans Factures et paiements > Modes de paiement pour que vos abonnements se renouvellent.`,
    ],
    license_freed: [
      `A ${p.product} license is free again`,
      `Hello ${name},\n\n${p.person} was removed from your organization's directory, so the ${p.product} license they had from your subscription is free again. Assign it to someone else in Licenses, or remove it.`,
      `Une licence ${p.product} est de nouveau disponible`,
      `Bonjour ${name},\n\n${p.person} a été supprimé(e) de l'annuaire de votre organisation : la licence ${p.product} qu'il ou elle tenait de votre abonnement est de nouveau disponible. Attribuez-la à quelqu'un d'autre dans Licences, ou supprimez-la.`,
    ],
    price_changed: [
      `The price of ${p.product} changes at your next renewal`,
      `Hello ${name},\n\nThe list price of ${p.product} changes to ${p.price} per license per month. Your subscription keeps its current price until its next renewal (${p.appliesAt?.slice(0, 10)}), then renews at the new one. To stop it renewing, turn off recurring billing or cancel it in Your products.`,
      `Le prix de ${p.product} change à votre prochain renouvellement`,
      `Bonjour ${name},\n\nLe prix catalogue de ${p.product} passe à ${p.price} par licence et par mois. Votre abonnement garde son prix actuel jusqu'à son prochain renouvellement (${p.appliesAt?.slice(0, 10)}), puis se renouvelle au nouveau prix. Pour qu'il ne se renouvelle pas, désactivez la facturation récurrente ou annulez-le dans Vos produits.`,
    ],
    webhook_disabled: [
      `Webhooks to ${p.url} are turned off`,
      `Hello ${name},\n\nFor about three days, ${p.url} did not accept the events we sent it, so your organization's webhook endpoint is turned off. Fix the receiver, then turn the endpoint on again in Settings > Webhooks: the events that waited are sent, and failed ones can be replayed from the delivery log.`,
      `Les webhooks vers ${p.url} sont désactivés`,
      `Bonjour ${name},\n\nPendant environ trois jours, ${p.url} n'a pas accepté les événements envoyés : le point de terminaison webhook de votre organisation est désactivé. Corrigez le récepteur, puis réactivez-le dans Paramètres > Webhooks : les événements en attente sont envoyés, et ceux en échec peuvent être renvoyés depuis le journal des livraisons.`,
    ],
  };
  const [subject, text, sujet, texte] = texts[kind];
  return locale === 'fr' ? { subject: sujet, text: `${texte}\n` } : { subject, text: `${text}\n` };
}
