// A small rich-text editor on a contenteditable block: the server sanitises whatever it receives.
// The block becomes editable only once it holds its text, so nothing typed earlier is overwritten.
export function init(el, html) {
    document.execCommand("defaultParagraphSeparator", false, "p");
    el.innerHTML = html || "";
    el.contentEditable = "true";
}

export function html(el) {
    return el.innerHTML;
}

export function append(el, html) {
    el.insertAdjacentHTML("beforeend", html);
    el.dispatchEvent(new Event("input", { bubbles: true }));
}

export function format(el, command) {
    el.focus();
    document.execCommand(command, false, null);
}
