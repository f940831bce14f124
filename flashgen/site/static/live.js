/* With `flashgen serve`: reload the page when the site is rebuilt. Does nothing from file:// or other hosts. */
(function () {
  "use strict";
  if (!/^https?:$/.test(location.protocol) || !/^(127\.0\.0\.1|localhost|\[::1\])$/.test(location.hostname)) { return; }
  var root = document.documentElement.getAttribute("data-root") || "";
  var url = root + "__flashgen__/version";
  var known = null;
  function poll() {
    fetch(url, { cache: "no-store" }).then(function (response) {
      if (!response.ok) { return null; }
      return response.text();
    }).then(function (version) {
      if (version === null) { return; }
      if (known === null) { known = version; } else if (version !== known) { location.reload(); return; }
      setTimeout(poll, 1000);
    }, function () { setTimeout(poll, 3000); });
  }
  poll();
})();
