import 'email-responses';
import { createApp } from 'vue';
import App from './App.vue';

window.hostLog = [];
createApp(App).mount('#app');
