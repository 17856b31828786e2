/**
 * The comparison's built-in prompt suite: short tasks where quantization shows (code, arithmetic,
 * reasoning, facts, another script), and one long passage to summarise, whose ~1,000-token prefill
 * is where prefill speed and long-context precision show.
 */
import type { ComparisonPrompt } from '../shared/comparison';

const PASSAGE = [
  'The first machines that people called bicycles had no pedals at all. In 1817 Karl Drais, a forestry official in Baden, built a wooden frame with two wheels in line and a padded seat, and riders pushed it along by striding against the ground. It was quicker than walking on a good road and it needed no horse, which mattered in a year when harvests had failed across Europe and oats were expensive. The running machine was a fashion for a few seasons, then cities banned it from pavements and the craze faded.',
  'Pedals arrived in the 1860s in Paris, fixed straight to the front wheel. Every turn of the cranks turned the wheel once, so the only way to go faster was a bigger wheel. By the 1870s the front wheels of racing machines were as tall as their riders could straddle, and the high-wheeler, later nicknamed the penny-farthing, became the machine of young men who could afford it and were willing to fall from it. A stone or a rut could stop the front wheel dead and pitch the rider over the handlebars head first.',
  'The safety bicycle of the 1880s solved the problem with a chain. Two wheels of equal, modest size, a chain to the rear wheel and a gear ratio that let small wheels turn fast: the rider sat low, between the wheels, with feet that could reach the ground. John Kemp Starley’s Rover of 1885 is the usual example. Three years later John Boyd Dunlop, a veterinary surgeon in Belfast, fitted air-filled tyres to his son’s tricycle to smooth the ride over cobbles, and within a few years pneumatic tyres had made solid rubber obsolete.',
  'What followed was a boom. In the 1890s factories in Britain, France and the United States turned out bicycles by the hundred thousand, and the techniques they refined, such as ball bearings, steel tubing, pressed parts and interchangeable components, passed straight into the first motor cars and aircraft. The bicycle also changed who could travel. Women’s clothing changed to suit it, and campaigners for women’s rights described it as a machine of independence. Rural workers could live farther from their work, and clubs organised touring holidays for clerks and shop assistants who had never owned a horse.',
  'Racing shaped the machine as much as commuting did. Road races between cities drew crowds from the 1890s, and in 1903 a French sports newspaper organised a race around the whole country to sell more copies; the Tour de France has run almost every summer since. Riders and manufacturers argued for decades over which inventions the rules should allow. Derailleur gears, which move the chain between sprockets of different sizes, were banned from the Tour until 1937, on the grounds that a rider should win with his legs rather than his equipment. Track racing in velodromes, with fixed gears and no brakes, kept the older simplicity alive.',
  'Away from the races, the bicycle became a working vehicle. Postal services, police forces and armies bought them by the thousand, and delivery bicycles with large front baskets carried bread, milk and newspapers through the first half of the twentieth century. In much of Asia and Africa the bicycle, often heavily loaded, remained the main private vehicle long after cars dominated European and American roads, and in the Netherlands and Denmark planners kept building separate paths for it when other countries had stopped.',
  'The design has changed surprisingly little since. A frame of two triangles, two wheels of equal size, a chain to the back wheel and pneumatic tyres describe a bicycle of 1895 as well as one of today. Gears that change while riding became common in the twentieth century, along with lighter alloys, carbon fibre and, recently, electric assistance. In many cities the bicycle is again growing in use, for the reasons that made it popular the first time: it is cheap, quick over short distances, needs little space and runs on the rider’s own food.',
];

export const BUILT_IN_PROMPTS: readonly ComparisonPrompt[] = [
  { id: 'code', text: 'Write a TypeScript function `median(values: number[]): number` that returns the median of an array, with a short comment on how it handles an even count.' },
  { id: 'arithmetic', text: 'A shop sells pencils at 3 for 40 cents. How much do 27 pencils cost? Show the working, then give the answer in dollars.' },
  { id: 'reasoning', text: 'Anna is older than Ben. Ben is older than Carla. Dan is younger than Carla. Who is the second youngest? Explain in two sentences.' },
  { id: 'facts', text: 'Name the three largest moons of Jupiter and give one fact about each.' },
  { id: 'chinese', text: '请用三句话介绍长城的历史。' },
  { id: 'json', text: 'Return a JSON object with the fields "city", "country" and "population" for the capital of Japan. Output only the JSON.' },
  { id: 'rewrite', text: 'Rewrite this sentence in plain English: "Notwithstanding the aforementioned considerations, the committee has elected to defer its determination."' },
  { id: 'summary', text: `Summarise the following passage in five bullet points.\n\n${PASSAGE.join('\n\n')}` },
];

/** The user's own prompts, one per non-empty line, after the built-in ones chosen. */
export function comparisonPrompts(builtIn: readonly string[], ownLines: string): ComparisonPrompt[] {
  const chosen = BUILT_IN_PROMPTS.filter((p) => builtIn.includes(p.id));
  const own = ownLines
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((text, i) => ({ id: `own-${i + 1}`, text }));
  return [...chosen, ...own];
}
