import type { NewProduct } from '../db/products.js';

const plan = (servicePlanId: string, servicePlanName: string) => ({
  servicePlanId,
  servicePlanName,
  appliesTo: 'User',
});

/**
 * Products sold self-service in real life, with list prices per license per month in minor
 * units: the monthly term costs 20 % more than the annual commitment, as Microsoft prices it.
 */
const price = (eur: number, usd: number, gbp: number) => ({
  EUR: { annual: eur, monthly: Math.round(eur * 1.2) },
  USD: { annual: usd, monthly: Math.round(usd * 1.2) },
  GBP: { annual: gbp, monthly: Math.round(gbp * 1.2) },
});

/**
 * The demo default when SELFSERVE_CATALOG is not set. Commerce product ids as Microsoft lists them
 * for self-service purchase ("Use AllowSelfServicePurchase for the MSCommerce PowerShell module");
 * SKU ids, part numbers and service plans as in "Product names and service plan identifiers for
 * licensing" (its CSV). Microsoft 365 E3 is not self-service: its id is the one price lists give.
 */
export const CATALOG: NewProduct[] = [
  {
    id: 'CFQ7TTC0H9MP',
    skuId: 'f8a1db68-be16-40ed-86d5-cb42ce701560',
    skuPartNumber: 'POWER_BI_PRO',
    name: 'Power BI Pro',
    description: 'Self-service analytics: publish, share and collaborate on reports and dashboards.',
    servicePlans: [
      plan('70d33638-9c74-4d01-bfd3-562de28bd4ba', 'BI_AZURE_P2'),
      plan('113feb6c-3fe4-4440-bddc-54d774bf0318', 'EXCHANGE_S_FOUNDATION'),
    ],
    selfServiceEligible: true,
    trialDays: 30,
    trialRequiresPaymentMethod: false,
    prices: price(1370, 1400, 1150),
  },
  {
    id: 'CFQ7TTC0LH2H',
    skuId: 'b30411f5-fea1-4a59-9ad9-3db7c7ead579',
    skuPartNumber: 'POWERAPPS_PER_USER',
    name: 'Power Apps per user',
    description: 'Build and run unlimited custom apps for one person.',
    servicePlans: [
      plan('ea2cf03b-ac60-46ae-9c1d-eeaeb63cec86', 'POWERAPPS_PER_USER'),
      plan('dc789ed8-0170-4b65-a415-eb77d5bb350a', 'Flow_PowerApps_PerUser'),
      plan('6ea4c1ef-c259-46df-bce2-943342cd3cb2', 'DYN365_CDS_P2'),
      plan('113feb6c-3fe4-4440-bddc-54d774bf0318', 'EXCHANGE_S_FOUNDATION'),
    ],
    selfServiceEligible: true,
    trialDays: 30,
    trialRequiresPaymentMethod: true,
    prices: price(1870, 2000, 1600),
  },
  {
    id: 'CFQ7TTC0LH3L',
    skuId: '4a51bf65-409c-4a91-b845-1121b571cc9d',
    skuPartNumber: 'FLOW_PER_USER',
    name: 'Power Automate per user',
    description: 'Automate workflows with cloud flows for one person.',
    servicePlans: [
      plan('c5002c70-f725-4367-b409-f0eff4fee6c0', 'FLOW_PER_USER'),
      plan('6ea4c1ef-c259-46df-bce2-943342cd3cb2', 'DYN365_CDS_P2'),
      plan('113feb6c-3fe4-4440-bddc-54d774bf0318', 'EXCHANGE_S_FOUNDATION'),
    ],
    selfServiceEligible: true,
    trialDays: 30,
    trialRequiresPaymentMethod: true,
    prices: price(1400, 1500, 1200),
  },
  {
    id: 'CFQ7TTC0HDB1',
    skuId: 'beb6439c-caad-48d3-bf46-0c82871e12be',
    skuPartNumber: 'PROJECT_P1',
    name: 'Project Plan 1',
    description: 'Plan and manage work with Project for the web.',
    servicePlans: [
      plan('4a12c688-56c6-461a-87b1-30d6f32136f9', 'PROJECT_P1'),
      plan('c7699d2e-19aa-44de-8edf-1736da088ca1', 'SHAREPOINTSTANDARD'),
      plan('1259157c-8581-4875-bca7-2ffb18c51bda', 'PROJECT_ESSENTIALS'),
      plan('00283e6b-2bd8-440f-a2d5-87358e4c89a1', 'Power_Automate_For_Project_P1'),
      plan('a6f677b3-62a6-4644-93e7-2a85d240845e', 'DYN365_CDS_FOR_PROJECT_P1'),
      plan('113feb6c-3fe4-4440-bddc-54d774bf0318', 'EXCHANGE_S_FOUNDATION'),
    ],
    selfServiceEligible: true,
    trialDays: 0,
    trialRequiresPaymentMethod: true,
    prices: price(940, 1000, 800),
  },
  {
    id: 'CFQ7TTC0HDB0',
    skuId: '53818b1b-4a27-454b-8896-0dba576410e6',
    skuPartNumber: 'PROJECTPROFESSIONAL',
    name: 'Project Plan 3',
    description: 'Project management with the Project desktop client, resource and portfolio tools.',
    servicePlans: [
      plan('818523f5-016b-4355-9be8-ed6944946ea7', 'PROJECT_PROFESSIONAL'),
      plan('fafd7243-e5c1-4a3a-9e40-495efcb1d3c3', 'PROJECT_CLIENT_SUBSCRIPTION'),
      plan('fe71d6c3-a2ea-4499-9778-da042bf08063', 'SHAREPOINT_PROJECT'),
      plan('5dbe027f-2339-4123-9542-606e4d348a72', 'SHAREPOINTENTERPRISE'),
      plan('e95bec33-7c88-4a70-8e19-b10bd9d0c014', 'SHAREPOINTWAC'),
      plan('fa200448-008c-4acb-abd4-ea106ed2199d', 'FLOW_FOR_PROJECT'),
      plan('50554c47-71d9-49fd-bc54-42a2765c555c', 'DYN365_CDS_PROJECT'),
      plan('113feb6c-3fe4-4440-bddc-54d774bf0318', 'EXCHANGE_S_FOUNDATION'),
    ],
    selfServiceEligible: true,
    trialDays: 30,
    trialRequiresPaymentMethod: true,
    prices: price(2810, 3000, 2500),
  },
  {
    id: 'CFQ7TTC0HD33',
    skuId: 'ca7f3140-d88c-455b-9a1c-7f0679e31a76',
    skuPartNumber: 'VISIO_PLAN1_DEPT',
    name: 'Visio Plan 1',
    description: 'Create and share diagrams in Visio for the web.',
    servicePlans: [
      plan('2bdbaf8f-738f-4ac7-9234-3c3ee2ce7d0f', 'VISIOONLINE'),
      plan('da792a53-cbc0-4184-a10d-e544dd34b3c1', 'ONEDRIVE_BASIC'),
      plan('113feb6c-3fe4-4440-bddc-54d774bf0318', 'EXCHANGE_S_FOUNDATION'),
    ],
    selfServiceEligible: true,
    trialDays: 0,
    trialRequiresPaymentMethod: true,
    prices: price(470, 500, 400),
  },
  {
    id: 'CFQ7TTC0HD32',
    skuId: 'c5928f49-12ba-48f7-ada3-0d743a3601d5',
    skuPartNumber: 'VISIOCLIENT',
    name: 'Visio Plan 2',
    description: 'Visio desktop and web apps for professional diagrams.',
    servicePlans: [
      plan('663a804f-1c30-4ff0-9915-9db84f0d1cea', 'VISIO_CLIENT_SUBSCRIPTION'),
      plan('2bdbaf8f-738f-4ac7-9234-3c3ee2ce7d0f', 'VISIOONLINE'),
      plan('da792a53-cbc0-4184-a10d-e544dd34b3c1', 'ONEDRIVE_BASIC'),
      plan('113feb6c-3fe4-4440-bddc-54d774bf0318', 'EXCHANGE_S_FOUNDATION'),
    ],
    selfServiceEligible: true,
    trialDays: 30,
    trialRequiresPaymentMethod: true,
    prices: price(1410, 1500, 1200),
  },
  {
    id: 'CFQ7TTC0H6RP',
    skuId: 'c1d032e0-5619-4761-9b5c-75b6831e1711',
    skuPartNumber: 'PBI_PREMIUM_PER_USER',
    name: 'Power BI Premium Per User',
    description: 'Power BI Pro with Premium capabilities, licensed per person.',
    servicePlans: [
      plan('0bf3c642-7bb5-4ccc-884e-59d09df0266c', 'BI_AZURE_P3'),
      plan('70d33638-9c74-4d01-bfd3-562de28bd4ba', 'BI_AZURE_P2'),
      plan('113feb6c-3fe4-4440-bddc-54d774bf0318', 'EXCHANGE_S_FOUNDATION'),
    ],
    selfServiceEligible: true,
    trialDays: 0,
    trialRequiresPaymentMethod: true,
    prices: price(2250, 2400, 1890),
  },
  {
    id: 'CFQ7TTC0LFLX',
    skuId: '05e9a617-0261-4cee-bb44-138d3ef5d965',
    skuPartNumber: 'SPE_E3',
    name: 'Microsoft 365 E3',
    description: 'Office apps, email, security and device management. Bought by admins only.',
    servicePlans: [
      plan('efb87545-963c-4e0d-99df-69c6916d9eb0', 'EXCHANGE_S_ENTERPRISE'),
      plan('43de0ff5-c92c-492b-9116-175376d08c38', 'OFFICESUBSCRIPTION'),
    ],
    selfServiceEligible: false,
    trialDays: 0,
    trialRequiresPaymentMethod: true,
    prices: price(3370, 3600, 2990),
  },
];
