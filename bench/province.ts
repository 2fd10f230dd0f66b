// The province of the simulation: a temporary knowledge folder with the repo's procedures and province file
// and `communes` generated communes (from the first demo commune's profile: own id, name, agency code),
// the first `oas` of them with a Zalo OA whose recipient id the load generator writes to (load.ts oaId).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { oaId } from './load';

export interface Province {
  knowledgeDir: string;
  remove(): void;
}

export function generateProvince(root: string, communes: number, oas: number): Province {
  const source = path.join(root, 'knowledge');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-province-'));
  const knowledgeDir = path.join(dir, 'knowledge');
  fs.cpSync(source, knowledgeDir, { recursive: true });
  const communesDir = path.join(knowledgeDir, 'communes');
  const [first] = fs
    .readdirSync(communesDir)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  if (!first) throw new Error(`bench: no commune in ${communesDir}`);
  const template = YAML.parse(fs.readFileSync(path.join(communesDir, first), 'utf8')) as Record<
    string,
    unknown
  >;
  fs.rmSync(communesDir, { recursive: true, force: true });
  fs.mkdirSync(communesDir);
  for (let i = 0; i < communes; i++) {
    const id = `xa-${String(i + 1).padStart(3, '0')}`;
    const commune = {
      ...template,
      id,
      centre_name: `Trung tâm Phục vụ hành chính công xã Số ${i + 1}`,
      commune_name: `xã Số ${i + 1}`,
      agency_code: `000.${String(Math.floor(i / 100)).padStart(2, '0')}.${String(i % 100).padStart(2, '0')}.H12`,
      zalo_oa_id: i < oas ? oaId(i) : null,
      messenger_page_id: null,
    };
    fs.writeFileSync(path.join(communesDir, `${id}.yaml`), YAML.stringify(commune));
  }
  return { knowledgeDir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
