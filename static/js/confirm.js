/* Forms with data-confirm="question" ask before they submit (an inline onsubmit handler would be
 * refused by the Content-Security-Policy). */
document.addEventListener("submit", (event) => {
  const question = event.target.dataset && event.target.dataset.confirm;
  if (question && !window.confirm(question)) event.preventDefault();
});
