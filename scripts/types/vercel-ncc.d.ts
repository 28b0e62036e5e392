/** The part of @vercel/ncc's programmatic API that scripts/build.ts uses (the package ships no types). */
declare module '@vercel/ncc' {
  interface NccOptions {
    esm?: boolean;
    externals?: string[] | Record<string, string>;
    target?: string;
    cache?: string | false;
    minify?: boolean;
    sourceMap?: boolean;
    quiet?: boolean;
    license?: string;
    transpileOnly?: boolean;
  }
  interface NccOutput {
    code: string;
    assets?: Record<string, { source: string | Buffer; permissions?: number }>;
    stats: { compilation: { fileDependencies: Iterable<string> } };
  }
  export default function ncc(entry: string, options?: NccOptions): Promise<NccOutput>;
}
