import { useLocale } from '.';

/**
 * Product descriptions in French, by Microsoft's SKU part number (stable where product ids are
 * not). The API's catalog holds English text only; until it holds text per language, the web app
 * says it in French here and falls back to the API's words for anything it does not know.
 */
const FR: Record<string, string> = {
  POWER_BI_PRO: 'Analyse en libre-service : publiez, partagez et collaborez sur des rapports et des tableaux de bord.',
  POWERAPPS_PER_USER: 'Créez et utilisez un nombre illimité d’applications personnalisées, pour une personne.',
  FLOW_PER_USER: 'Automatisez vos processus avec des flux de cloud, pour une personne.',
  PROJECT_P1: 'Planifiez et gérez le travail avec Project pour le web.',
  PROJECTPROFESSIONAL:
    'Gestion de projet avec le client de bureau Project, les outils de ressources et de portefeuille.',
  VISIO_PLAN1_DEPT: 'Créez et partagez des diagrammes dans Visio pour le web.',
  VISIOCLIENT: 'Les applications de bureau et web Visio pour des diagrammes professionnels.',
  PBI_PREMIUM_PER_USER: 'Power BI Pro avec les fonctionnalités Premium, sous licence par personne.',
  SPE_E3:
    'Applications Office, messagerie, sécurité et gestion des appareils. Acheté par les administrateurs uniquement.',
};

/** A product's description in the reader's language. */
export function useProductDescription() {
  const { locale } = useLocale();
  return (p: { skuPartNumber: string; description: string }) =>
    (locale === 'fr' && FR[p.skuPartNumber]) || p.description;
}
