// The console's only script besides htmx (no inline script anywhere: the Content-Security-Policy forbids it).
// A form or button with data-confirm asks before it goes; everything else works without JavaScript.
document.addEventListener("submit", function (event) {
  var form = event.target;
  var submitter = event.submitter;
  var question = (submitter && submitter.getAttribute("data-confirm")) || form.getAttribute("data-confirm");
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
}, true);
