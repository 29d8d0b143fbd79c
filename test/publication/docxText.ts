import yauzl from 'yauzl';

/** The text of one file inside a zip (a .docx), or an Error when the zip or the file is not there. */
export async function readZipEntry(zip: Buffer, name: string): Promise<string> {
  const archive = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(zip, { lazyEntries: true }, (error, file) =>
      error ? reject(error) : resolve(file),
    ),
  );
  return new Promise<string>((resolve, reject) => {
    archive.on('entry', (entry: yauzl.Entry) => {
      if (entry.fileName !== name) {
        archive.readEntry();
        return;
      }
      archive.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          archive.close();
          resolve(Buffer.concat(chunks).toString('utf8'));
        });
        stream.on('error', reject);
      });
    });
    archive.on('end', () => reject(new Error(`the zip has no ${name}`)));
    archive.on('error', reject);
    archive.readEntry();
  });
}

/** The paragraphs of a Word document as the reader sees them: each `<w:p>`'s text runs joined. */
export async function docxParagraphs(docx: Buffer): Promise<string[]> {
  const xml = await readZipEntry(docx, 'word/document.xml');
  const paragraphs = xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? [];
  return paragraphs.map((paragraph) =>
    [...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((match) => decodeXml(match[1] ?? ''))
      .join(''),
  );
}

/** XML text with its entities decoded, as a reader of the file sees it. */
export function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_m, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&');
}
