/* The colour scheme, set before the page is painted: loaded synchronously at the start of <body>
   (a file rather than inline code, so the Content Security Policy allows no inline script). */
(function(){var s=null;try{s=localStorage.getItem("epi-scheme")}catch(e){}if(s!=="slate"&&s!=="default"){s=window.matchMedia&&matchMedia("(prefers-color-scheme: dark)").matches?"slate":"default"}document.body.setAttribute("data-md-color-scheme",s);document.documentElement.className="js"})();
