// The ribbon command's message dialog: shows ?text= and tells the command to close it.
const text = new URLSearchParams(window.location.search).get("text") ?? "";
document.getElementById("message")!.textContent = text;

Office.onReady(() => {
  const close = document.getElementById("close") as HTMLButtonElement;
  close.addEventListener("click", () => Office.context.ui.messageParent("close"));
  close.focus();
});
