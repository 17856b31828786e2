/**
 * Consumer GPUs and Apple unified-memory machines: memory, memory bandwidth and
 * launch price (USD, the vendor's announced price of the configuration listed).
 * Figures from the vendors' specification pages (`source`).
 */
export interface Hardware {
  id: string;
  name: string;
  kind: 'gpu' | 'apple';
  memoryGB: number;
  bandwidthGBs: number;
  launchPriceUSD: number;
  source: string;
}

const nvidia = (path: string) => `https://www.nvidia.com/en-us/geforce/graphics-cards/${path}/`;
const apple = 'https://support.apple.com/en-us/docs/mac';

export const HARDWARE: Hardware[] = [
  { id: 'rtx3060', name: 'RTX 3060 12 GB', kind: 'gpu', memoryGB: 12, bandwidthGBs: 360, launchPriceUSD: 329, source: nvidia('30-series/rtx-3060-3060ti') },
  { id: 'rtx3090', name: 'RTX 3090', kind: 'gpu', memoryGB: 24, bandwidthGBs: 936, launchPriceUSD: 1499, source: nvidia('30-series/rtx-3090-3090ti') },
  { id: 'rtx4060ti16', name: 'RTX 4060 Ti 16 GB', kind: 'gpu', memoryGB: 16, bandwidthGBs: 288, launchPriceUSD: 499, source: nvidia('40-series/rtx-4060-4060ti') },
  { id: 'rtx4070', name: 'RTX 4070', kind: 'gpu', memoryGB: 12, bandwidthGBs: 504, launchPriceUSD: 599, source: nvidia('40-series/rtx-4070-family') },
  { id: 'rtx4080', name: 'RTX 4080', kind: 'gpu', memoryGB: 16, bandwidthGBs: 717, launchPriceUSD: 1199, source: nvidia('40-series/rtx-4080-family') },
  { id: 'rtx4090', name: 'RTX 4090', kind: 'gpu', memoryGB: 24, bandwidthGBs: 1008, launchPriceUSD: 1599, source: nvidia('40-series/rtx-4090') },
  { id: 'rtx5070', name: 'RTX 5070', kind: 'gpu', memoryGB: 12, bandwidthGBs: 672, launchPriceUSD: 549, source: nvidia('50-series/rtx-5070-family') },
  { id: 'rtx5080', name: 'RTX 5080', kind: 'gpu', memoryGB: 16, bandwidthGBs: 960, launchPriceUSD: 999, source: nvidia('50-series/rtx-5080') },
  { id: 'rtx5090', name: 'RTX 5090', kind: 'gpu', memoryGB: 32, bandwidthGBs: 1792, launchPriceUSD: 1999, source: nvidia('50-series/rtx-5090') },
  { id: 'rx7900xtx', name: 'Radeon RX 7900 XTX', kind: 'gpu', memoryGB: 24, bandwidthGBs: 960, launchPriceUSD: 999, source: 'https://www.amd.com/en/products/graphics/desktops/radeon/7000-series/amd-radeon-rx-7900xtx.html' },
  { id: 'arcb580', name: 'Intel Arc B580', kind: 'gpu', memoryGB: 12, bandwidthGBs: 456, launchPriceUSD: 249, source: 'https://www.intel.com/content/www/us/en/products/sku/241598/intel-arc-b580-graphics/specifications.html' },
  { id: 'm4-16', name: 'MacBook Air M4 16 GB', kind: 'apple', memoryGB: 16, bandwidthGBs: 120, launchPriceUSD: 999, source: apple },
  { id: 'm4pro-48', name: 'Mac mini M4 Pro 48 GB', kind: 'apple', memoryGB: 48, bandwidthGBs: 273, launchPriceUSD: 1799, source: apple },
  { id: 'm4max-128', name: 'MacBook Pro M4 Max 128 GB', kind: 'apple', memoryGB: 128, bandwidthGBs: 546, launchPriceUSD: 4699, source: apple },
  { id: 'm3ultra-512', name: 'Mac Studio M3 Ultra 512 GB', kind: 'apple', memoryGB: 512, bandwidthGBs: 819, launchPriceUSD: 9499, source: apple },
];

export const hardware = (id: string) => HARDWARE.find((h) => h.id === id) ?? null;
