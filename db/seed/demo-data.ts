/** The demo data of shared/spec/demo-data.md, as plain values (birth dates relative to `today`). */

export const DEMO_PASSWORD = 'Trento-Buoni-2020';

export const demoProviders = [
  {
    code: 'PRV1',
    name: 'Cooperativa Sociale Il Germoglio',
    taxCode: '01234560223',
    email: 'servizi@ilgermoglio.example.it',
    measures: ['babysitting_covid', 'summer_covid'],
    bands: ['A', 'B', 'C'],
  },
  {
    code: 'PRV2',
    name: 'Associazione Estate Ragazzi Trento',
    taxCode: '01234570222',
    email: 'segreteria@estateragazzi.example.it',
    measures: ['summer_covid'],
    bands: ['B', 'C'],
  },
  {
    code: 'PRV3',
    name: 'Nido Le Coccinelle',
    taxCode: '01234580221',
    email: 'nido@lecoccinelle.example.it',
    measures: [],
    bands: ['A', 'B'],
  },
] as const;

type DemoUser = {
  codiceFiscale: string;
  givenName: string;
  familyName: string;
  email: string;
  mobile: string | null;
  role: 'family' | 'provider' | 'office';
  providerCode?: string;
};

/** Chiara Conti: the clerk who decided the office demo's past cases. */
export const DEMO_OFFICE_DECIDER = 'CNTCHR80T52L378Z';

export const demoUsers: DemoUser[] = [
  {
    codiceFiscale: 'FRRLCU75B10L378M',
    givenName: 'Luca',
    familyName: 'Ferrari',
    email: 'luca.ferrari@ilgermoglio.example.it',
    mobile: null,
    role: 'provider',
    providerCode: 'PRV1',
  },
  {
    codiceFiscale: 'GLLPLA78H05L378S',
    givenName: 'Paolo',
    familyName: 'Gallo',
    email: 'paolo.gallo@estateragazzi.example.it',
    mobile: null,
    role: 'provider',
    providerCode: 'PRV2',
  },
  {
    codiceFiscale: 'MRNFNC79D14L378N',
    givenName: 'Francesco',
    familyName: 'Marini',
    email: 'francesco.marini@lecoccinelle.example.it',
    mobile: null,
    role: 'provider',
    providerCode: 'PRV3',
  },
  {
    codiceFiscale: DEMO_OFFICE_DECIDER,
    givenName: 'Chiara',
    familyName: 'Conti',
    email: 'chiara.conti@provincia.tn.example.it',
    mobile: null,
    role: 'office',
  },
  // A second clerk, so «Assegna a» has someone to offer (issue 19).
  {
    codiceFiscale: 'MSRDVD83C12L378H',
    givenName: 'Davide',
    familyName: 'Moser',
    email: 'davide.moser@provincia.tn.example.it',
    mobile: null,
    role: 'office',
  },
  {
    codiceFiscale: 'RSSNNA85M41L378F',
    givenName: 'Anna',
    familyName: 'Rossi',
    email: 'anna.rossi@example.it',
    mobile: '+393470000001',
    role: 'family',
  },
  {
    codiceFiscale: 'BNCGLI90C55L378U',
    givenName: 'Giulia',
    familyName: 'Bianchi',
    email: 'giulia.bianchi@example.it',
    mobile: '+393470000002',
    role: 'family',
  },
  {
    codiceFiscale: 'VRDMRT82S60L378B',
    givenName: 'Marta',
    familyName: 'Verdi',
    email: 'marta.verdi@example.it',
    mobile: '+393470000003',
    role: 'family',
  },
];

export type DemoChild = { givenName: string; familyName: string; codiceFiscale: string; years: number; months: number };
export type DemoPes = {
  code: string;
  child: number;
  provider: string;
  band: 'A' | 'B' | 'C';
  hours: number;
  amountCents: number;
  usedCents?: number;
  hoursUsed?: number;
};

export type DemoVoucher = {
  number: string;
  holder: string;
  totalCents: number;
  status: 'assigned' | 'concluded';
  assignedOn: string;
  employer: { name: string; taxCode: string; address: string; sector: string };
  twoParentHousehold: boolean;
  children: DemoChild[];
  pes: DemoPes[];
};

const annaEmployer = {
  name: 'Famiglia Cooperativa Val di Non',
  taxCode: '00112230220',
  address: 'Via Roma 12, 38013 Borgo d’Anaunia (TN)',
  sector: 'privato',
};
const giuliaEmployer = {
  name: 'Azienda Provinciale per i Servizi Sanitari',
  taxCode: '01429410226',
  address: 'Via Alcide Degasperi 79, 38123 Trento (TN)',
  sector: 'pubblico — sanità',
};
const martaEmployer = {
  name: 'Istituto Comprensivo Trento 5',
  taxCode: '80016640227',
  address: 'Via San Giovanni Bosco 7, 38122 Trento (TN)',
  sector: 'pubblico — istruzione',
};

export const demoVouchers: DemoVoucher[] = [
  {
    number: 'BS-2020-0001',
    holder: 'RSSNNA85M41L378F',
    totalCents: 420_000,
    status: 'assigned',
    assignedOn: '2020-01-15',
    employer: annaEmployer,
    twoParentHousehold: true,
    children: [
      { givenName: 'Luca', familyName: 'Rossi', codiceFiscale: 'RSSLCU18A01L378X', years: 2, months: 3 },
      { givenName: 'Sofia', familyName: 'Rossi', codiceFiscale: 'RSSSFO15A41L378Y', years: 5, months: 3 },
    ],
    pes: [
      { code: 'BS-2020-0001/1', child: 0, provider: 'PRV1', band: 'A', hours: 120, amountCents: 180_000 },
      { code: 'BS-2020-0001/2', child: 1, provider: 'PRV2', band: 'B', hours: 100, amountCents: 150_000 },
      { code: 'BS-2020-0001/3', child: 1, provider: 'PRV3', band: 'B', hours: 60, amountCents: 90_000 },
    ],
  },
  {
    number: 'BS-2020-0002',
    holder: 'BNCGLI90C55L378U',
    totalCents: 200_000,
    status: 'assigned',
    assignedOn: '2020-02-03',
    employer: giuliaEmployer,
    twoParentHousehold: false,
    children: [{ givenName: 'Marco', familyName: 'Bianchi', codiceFiscale: 'BNCMRC11A01L378Z', years: 9, months: 3 }],
    pes: [
      {
        code: 'BS-2020-0002/1',
        child: 0,
        provider: 'PRV1',
        band: 'C',
        hours: 80,
        amountCents: 200_000,
        usedCents: 80_000,
        hoursUsed: 32,
      },
    ],
  },
  {
    number: 'BS-2019-0417',
    holder: 'VRDMRT82S60L378B',
    totalCents: 120_000,
    status: 'concluded',
    assignedOn: '2019-03-11',
    employer: martaEmployer,
    twoParentHousehold: true,
    children: [{ givenName: 'Elena', familyName: 'Verdi', codiceFiscale: 'VRDLNE13A41L378W', years: 7, months: 3 }],
    pes: [],
  },
  {
    number: 'BS-2020-0003',
    holder: 'VRDMRT82S60L378B',
    totalCents: 150_000,
    status: 'assigned',
    assignedOn: '2020-02-20',
    employer: martaEmployer,
    twoParentHousehold: true,
    children: [{ givenName: 'Elena', familyName: 'Verdi', codiceFiscale: 'VRDLNE13A41L378W', years: 7, months: 3 }],
    pes: [
      {
        code: 'BS-2020-0003/1',
        child: 0,
        provider: 'PRV2',
        band: 'C',
        hours: 100,
        amountCents: 150_000,
        usedCents: 55_000,
        hoursUsed: 37,
      },
    ],
  },
];
