// The summary's part cannot load: the element hears an `error` event the host can act on.
window.brokenCheck = new Promise((resolve) => {
  document.querySelector('response-summary').addEventListener('error', (event) => resolve(event.message));
  setTimeout(() => resolve('no error event in 10 s'), 10_000);
});
