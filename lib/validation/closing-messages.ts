/** Kept apart from the zod schemas so a client form can show the same words without bundling zod. */
export const SELECT_ONE_PES = 'Seleziona almeno un PES da chiudere.';
