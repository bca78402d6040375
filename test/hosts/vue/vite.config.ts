import vue from '@vitejs/plugin-vue';
import { isEmailResponsesTag } from 'email-responses/vue';
import { defineConfig } from 'vite';

export default defineConfig({
  // The elements are custom elements, not Vue components: Vue leaves them to the browser.
  plugins: [vue({ template: { compilerOptions: { isCustomElement: isEmailResponsesTag } } })],
});
