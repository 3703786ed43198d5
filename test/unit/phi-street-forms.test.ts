/**
 * Street addresses the Southwest writes with a Spanish prefix after the house number ("88 W Calle
 * Arroyo Seco", "4410 N Camino del Sol"), and a city after a street and a comma where no state
 * follows ("…, Sahuarita 85629", "…, Salem.").
 */
import { describe, expect, it } from 'vitest';
import { detect } from '../../src/phi/detect';

const addresses = (text: string) => detect(text).filter((f) => f.type === 'ADDRESS').map((f) => text.slice(f.start, f.end));

describe('streets with a Spanish prefix', () => {
  it.each([
    ['Pt Wanda Ruiz gave her address 88 W Calle Arroyo Seco, Sahuarita 85629 to verify.', ['88 W Calle Arroyo Seco', 'Sahuarita']],
    ['Pt Wanda Ruiz lives at 4410 N Camino del Sol, Tucson, AZ 85718.', ['4410 N Camino del Sol', 'Tucson']],
    ['Pt address: 2231 E Via Entrada, Tucson AZ 85718', ['2231 E Via Entrada', 'Tucson']],
    ['pt address 1020 W Paseo de los Rios, Sahuarita', ['1020 W Paseo de los Rios', 'Sahuarita']],
    ['PT ADDR: 1020 W PASEO DE LOS RIOS\nSAHUARITA AZ 85629', ['1020 W PASEO DE LOS RIOS', 'SAHUARITA']],
    ['Pt moved to 77 Placita Chula Apt 3, Nogales', ['77 Placita Chula Apt 3', 'Nogales']],
  ])('%s', (text, expected) => {
    for (const a of expected) expect(addresses(text)).toContain(a);
  });

  it('needs the house number right before the prefix', () => {
    expect(addresses('Pt Wanda Ruiz asked about the Calle Arroyo Seco clinic, the Camino del Sol entrance is closed.')).toEqual([]);
    expect(addresses('Pt Wanda Ruiz: room 12, Calle Arroyo Seco')).toEqual([]);
  });
});

describe('a city after a street and a comma', () => {
  it('is part of the address, without the sentence’s stop', () => {
    expect(addresses('Pt Maria Garcia is at 14 Elm St, Worcester.')).toEqual(['14 Elm St', 'Worcester']);
    expect(addresses('Pt moved to 4417 Sunnyview Rd NE, Salem. Statement went to the old address')).toEqual(['4417 Sunnyview Rd NE', 'Salem']);
    expect(addresses('Pt Wanda Ruiz gave her address 88 W Main St, Sahuarita 85629 to verify.')).toEqual(['88 W Main St', 'Sahuarita']);
  });

  it('is not a unit, a state or a site’s building', () => {
    expect(addresses('Pt Wanda Ruiz, 123 Main St, Apt 4, Springfield')).toEqual(['123 Main St, Apt 4', 'Springfield']);
    expect(addresses('Pt Wanda Ruiz, 123 Main St, Arizona')).toEqual(['123 Main St']);
    expect(addresses('Pt Wanda Ruiz, 123 Main St, Attn Billing, Springfield')).toEqual(['123 Main St']);
  });
});

describe('rural grid addresses (Wisconsin, northern Illinois)', () => {
  it('reads a direction letter glued to the house number, and a highway after the street word', () => {
    const cases: Array<[string, string]> = [
      ['Pt address on the cover sheet: E4418 State Road 56, Viroqua WI 54665.', 'E4418 State Road 56'],
      ['pt lives at W10244 STATE HIGHWAY 33 LOT 14', 'W10244 STATE HIGHWAY 33'],
      ['guarantor address to W5120 Sunset Ridge Rd, Holmen WI 54636', 'W5120 Sunset Ridge Rd'],
      ['PID-11.1 "S1933 KNUTSON HOLLOW RD C/O LINDA HERMANSON" for the patient', 'S1933 KNUTSON HOLLOW RD'],
    ];
    for (const [text, street] of cases) {
      const found = detect(text).filter((f) => f.type === 'ADDRESS').map((f) => text.slice(f.start, f.end));
      expect(found).toContain(street);
    }
  });

  it('needs the letter to stand alone before the digits and a street word after them', () => {
    for (const text of ['switch port XN1234 Main St is down', 'build W2019 Release candidate', 'asset W40211 in the OR']) {
      expect(detect(text).filter((f) => f.type === 'ADDRESS')).toEqual([]);
    }
  });
});

describe("an organisation's own address after its name (session 18)", () => {
  it("reads a vendor's signature address in a hand-written ticket (set 21, clean ticket 23) as no one's", async () => {
    const { loadSet } = await import('../../bench/independent');
    const ticket = loadSet(21)!.clean[23]!.text;
    const at = ticket.indexOf('Lexmark International, ');
    expect(at).toBeGreaterThan(0);
    expect(detect(ticket).filter((f) => f.start >= at && f.start < at + 80 && (f.type === 'ADDRESS' || f.type === 'ZIP'))).toEqual([]);
  });
});
