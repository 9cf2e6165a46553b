// The site's own script: it hears what customers do in the portal (here, a cancellation),
// as an analytics tag or a win-back email would.
document.addEventListener('portal-subscription-canceled', (event) => {
  const reason = event.detail.changes.customer_cancellation_reason;
  document.getElementById('heard').textContent = `Your site heard the cancellation${typeof reason === 'string' ? ` (${reason.replaceAll('_', ' ')})` : ''}.`;
});
