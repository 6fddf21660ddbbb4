import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { locales } from '../../src/core/locale';
import { Grounding } from '../../src/roleplay/judging/grounding';
import { groundingBooksIn } from '../../src/roleplay/judging/grounding-book';
import { phraseBooksIn } from '../../src/roleplay/reading/phrase-book';
import { replay } from '../../scripts/roleplay-eval/evaluate';
import { catalog, contentDir, reader } from './roleplay-fixtures';

const scripts = z
  .object({ scripts: z.array(z.object({ locale: z.enum(locales), lines: z.array(z.string()).min(3) })).min(1) })
  .parse(parse(readFileSync(path.join(__dirname, 'gaming-scripts.yaml'), 'utf8'))).scripts;

// The eval's own replay (read, grounded, directed, judged; the learner confirming every reading), over every meeting.
describe('role-play judge: scripts of buzzwords in every meeting', () => {
  const grounding = new Grounding(groundingBooksIn(contentDir), phraseBooksIn(contentDir), catalog.storylines);

  it('when a script of partner buzzwords is played in any meeting of any storyline, then it meets at most one check and gains no trust', () => {
    const failures: string[] = [];
    scripts.forEach((script, index) => {
      for (const story of catalog.storylines) {
        story.meetings.forEach((meeting, position) => {
          const played = replay(catalog, reader, grounding, {
            storyline: story.id, meeting: meeting.id, locale: script.locale, label: 'gaming', split: 'tune', learner: script.lines, file: `script ${index + 1}`, batch: 0,
            expected: Object.fromEntries(meeting.rubric.map((check) => [check.id, 'not' as const])),
            ...(position > 0 ? { previous: { commitment: 'the plan as promised', kept: 'kept' as const } } : {}),
          });
          const met = played.verdicts.filter((verdict) => verdict.got === 'met').map((verdict) => verdict.id);
          if (met.length > 1 || played.trustChange > 0) failures.push(`script ${index + 1} (${script.locale}) in ${story.id}/${meeting.id}: met ${met.join(', ')}; trust ${played.trustChange}`);
        });
      }
    });
    assert.deepEqual(failures, []);
  });
});
