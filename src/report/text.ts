/**
 * Text from the API or the agent, made safe for a terminal or a plain log: no escape sequences (which
 * could rewrite the screen or hide lines) and no other control characters but new lines and tabs.
 */
export function plainText(text: string): string {
  return (
    text
      // CSI and OSC sequences whole, then any other control character.
      .replace(/\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?/g, '')
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '')
  );
}
