import { z } from 'zod';

// Extension pages and workers forbid eval (MV3's content security policy). Without this, zod's
// JIT probes `new Function` and the browser reports a CSP violation, even though zod falls back.
z.config({ jitless: true });
