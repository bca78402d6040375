import { createContext } from '@lit/context';
import type { ResponseStore } from '../../store/response-store';

/** The context `<email-responses>` provides its store under, to every element inside it. */
export const storeContext = createContext<ResponseStore>(Symbol.for('email-responses/store'));
