import { z } from 'zod';

export const idSchema = z.uuid({ message: 'Identificativo non valido.' });
