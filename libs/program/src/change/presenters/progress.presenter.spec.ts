import { presentConsortium, type ConsortiumFigures } from './progress.presenter';

const figures = (targetCount: number, wins = 0): ConsortiumFigures => ({
  cohortsByPhase: [],
  targetsByStatus: { planned: targetCount, in_progress: 0, on_hold: 0, achieved: 0, dropped: 0 },
  targetCount,
  indicatorsOnTrack: 0,
  indicatorCount: 0,
  winsLast90Days: wins,
});

const school = (id: string, name: string) => ({ id, name, namedToPeers: false });

describe('the consortium view’s order', () => {
  it('lists named schools by name, then unnamed ones by their figures alone, without ids or names', () => {
    const view = presentConsortium(
      [
        { school: school('a', 'Aardvark Medical'), named: false, own: false, figures: figures(1) },
        { school: school('z', 'Zebra School'), named: true, own: true, figures: figures(0) },
        { school: school('b', 'Bee College'), named: false, own: false, figures: figures(5) },
        { school: school('m', 'Mole University'), named: true, own: false, figures: figures(2) },
        { school: school('c', 'Cat Institute'), named: false, own: false, figures: figures(1, 3) },
      ],
      '2026-01-01',
    );
    expect(view.schools.map((s) => ('id' in s ? s.id : s.name))).toEqual(['m', 'z', 'Another school', 'Another school', 'Another school']);
    expect(view.schools.slice(2).map((s) => [s.targetCount, s.winsLast90Days])).toEqual([[5, 0], [1, 3], [1, 0]]);
    expect(JSON.stringify(view.schools.slice(2))).not.toMatch(/Aardvark|Bee|Cat|"a"|"b"|"c"/);
  });

  it('gives unnamed schools the same order whatever order they came in', () => {
    const rows = [figures(1), figures(3), figures(1, 2), figures(0)].map((f, i) => ({ school: school(String(i), `S${i}`), named: false, own: false, figures: f }));
    const forward = presentConsortium(rows, '2026-01-01');
    const backward = presentConsortium([...rows].reverse(), '2026-01-01');
    expect(backward).toEqual(forward);
  });
});
