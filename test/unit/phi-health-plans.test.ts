/**
 * A member's ID after a state Medicaid programme's or a payer's name as it is written ("Medi-Cal #",
 * "MassHealth ID", "AHCCCS ID", "MN Medical Assistance ID"), and those names are no person's.
 */
import { describe, expect, it } from 'vitest';
import { detect } from '../../src/phi/detect';

const found = (text: string) => detect(text).map((f) => [f.type, text.slice(f.start, f.end)]);
const seen = 'Pt Maria Lopez was seen in clinic.\n';

describe('state Medicaid programmes and payers', () => {
  it.each([
    ['Medi-Cal # 91234567A', '91234567A'],
    ['MEDI-CAL ID: 91234567A', '91234567A'],
    ['AHCCCS ID A12345678', 'A12345678'],
    ['MassHealth # 100012345678', '100012345678'],
    ['TennCare ID 7712345678', '7712345678'],
    ['Secondary: MN Medical Assistance ID 00731552', '00731552'],
    ['ins: ARKids First B ID 1002847731', '1002847731'],
    ['CareSource ID 106627341809', '106627341809'],
    // (session 18: Washington Medicaid's ProviderOne, north-western and other regional payers)
    ['Apple Health (ProviderOne 201447390WA)', '201447390WA'],
    ['same ProviderOne id 108846203WA on both records', '108846203WA'],
    ['Regence ID ZHR401883316 on the card', 'ZHR401883316'],
    ['PacificSource member # PSX22018847', 'PSX22018847'],
  ])('finds the member ID in "%s"', (line, id) => {
    expect(found(seen + line)).toEqual([
      ['NAME', 'Maria Lopez'],
      ['HEALTH_PLAN_ID', id],
    ]);
  });

  it('reads none of those names as a person', () => {
    expect(found('Medi-Cal eligibility portal is down again, error 500 since 08:10')).toEqual([]);
    expect(found('MassHealth and TennCare eligibility checks fail since 08:10, ARKids First too')).toEqual([]);
    expect(found('ProviderOne and PacificSource eligibility checks fail since 08:10, Regence too')).toEqual([]);
  });
});
