/**
 * /embed.js: optional script a newsroom pastes after the iframe. It sizes each of our iframes to its
 * content, trusting only messages sent from our origin — the origin this script itself was loaded from, or,
 * when a newsroom hosts a copy of it (strict CSP), the origin its data-origine attribute names — that
 * name the chart of the frame they come from. Without it the iframe keeps the snippet's own height.
 */
import { EMBED_ATTRIBUTE, RESIZE_MESSAGE, RESIZE_PING } from "../lib/embed.ts";

export const EMBED_SCRIPT = `(function(){var s=document.currentScript,o;try{o=new URL(s.getAttribute("data-origine")||s.src).origin}catch(e){return}var k="__sousObjectif "+o;if(window[k])return;window[k]=1;var A=${JSON.stringify(EMBED_ATTRIBUTE)};function frames(){return document.querySelectorAll("iframe["+A+"]")}addEventListener("message",function(e){var d=e.data;if(e.origin!==o||!d||d.type!==${JSON.stringify(RESIZE_MESSAGE)}||typeof d.id!=="string"||typeof d.height!=="number"||!(d.height>0))return;var f=frames();for(var i=0;i<f.length;i++)if(f[i].contentWindow===e.source&&f[i].getAttribute(A)===d.id){f[i].style.height=Math.min(Math.ceil(d.height),20000)+"px"}});function ping(){var f=frames();for(var i=0;i<f.length;i++)try{if(new URL(f[i].src,location.href).origin===o&&f[i].contentWindow)f[i].contentWindow.postMessage({type:${JSON.stringify(RESIZE_PING)}},"*")}catch(e){}}ping();addEventListener("load",ping)})();
`;

export function GET(): Response {
  return new Response(EMBED_SCRIPT, { headers: { "content-type": "text/javascript; charset=utf-8" } });
}
