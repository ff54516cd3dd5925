import { startBackground } from '@/background/start';

// Every listener is registered synchronously inside startBackground: see there.
export default defineBackground(() => startBackground());
