/** The measures' names as the office knows them (Del. 575/2020 and Del. 742/2020). */
export const MEASURE_LABELS: Record<string, string> = {
  babysitting_covid: 'Babysitting domiciliare COVID-19',
  summer_covid: 'Servizi estivi COVID-19',
};
