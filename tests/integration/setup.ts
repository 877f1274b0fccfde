import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { vi } from 'vitest';

process.env.FILES_DIR ??= mkdtempSync(path.join(os.tmpdir(), 'bsp-files-'));

// revalidatePath and after() need a Next request; delivery is tested by calling the dispatcher directly.
vi.mock('next/cache', () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));
vi.mock('@/lib/notifications/kick-dispatcher', () => ({ kickDispatcher: vi.fn() }));
