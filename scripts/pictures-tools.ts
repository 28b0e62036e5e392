/**
 * What `npm run pictures` needs from the system, checked before it starts: headless Chromium to take
 * the screenshots, and the colour emoji font, without which the emoji of the headings render as boxes
 * and docs/*.png change for no reason.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Where Debian's fonts-noto-color-emoji puts its font. */
export const EMOJI_FONT = '/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf';

/** The Debian packages missing for the pictures; none when all is there. */
export function missingPictureTools(env: NodeJS.ProcessEnv = process.env, fontPath = EMOJI_FONT): string[] {
  const missing: string[] = [];
  try {
    execFileSync('chromium', ['--version'], { stdio: 'ignore', env });
  } catch {
    missing.push('chromium');
  }
  if (!existsSync(fontPath)) missing.push('fonts-noto-color-emoji');
  return missing;
}

/** The one-line error for what is missing. */
export function picturesToolsMessage(missing: string[]): string {
  return (
    `npm run pictures needs the Debian packages chromium and fonts-noto-color-emoji; missing: ${missing.join(', ')}. ` +
    'Install them with: sudo apt-get install chromium fonts-noto-color-emoji'
  );
}
