//! English and Chinese paragraphs: telling them apart, and pairing each
//! paragraph with its translation.
//!
//! Equal counts pair 1:1. Otherwise a Gale-Church alignment (dynamic
//! programming over paragraph lengths, allowing 1:1, 1:0, 0:1, 2:1, 1:2 and
//! 2:2 beads) finds the most probable pairing; the expected length ratio is
//! measured from the two texts themselves, since Chinese runs about a third
//! of the characters of its English source.

use super::textutil::script_counts;
use crate::model::Aligned;

/// Chinese when Han characters make up at least 30% of the letters.
pub fn is_chinese(text: &str) -> bool {
    scripts(text).is_chinese()
}

/// Han characters and Latin letters of a text (`script_counts`), counted
/// once for the checks that read them.
#[derive(Clone, Copy)]
pub struct Scripts {
    pub han: usize,
    pub latin: usize,
}

impl Scripts {
    /// Mostly Han: Chinese.
    pub fn is_chinese(self) -> bool {
        self.han > 0 && self.han * 10 >= (self.han + self.latin) * 3
    }
}

/// The scripts of `text`. An ASCII text has no Han, and then whether it is
/// Chinese does not depend on its letters: they are not counted.
pub fn scripts(text: &str) -> Scripts {
    if text.is_ascii() {
        return Scripts { han: 0, latin: 0 };
    }
    let (han, latin) = script_counts(text);
    Scripts { han, latin }
}

pub fn align<S: AsRef<str>>(english: &[S], chinese: &[S]) -> Vec<Aligned> {
    let (n, m) = (english.len(), chinese.len());
    if n == m || n == 0 || m == 0 {
        let k = n.max(m);
        return (0..k)
            .map(|i| ((i < n).then_some(i as u32), (i < m).then_some(i as u32)))
            .collect();
    }
    let en: Vec<f64> = english
        .iter()
        .map(|p| p.as_ref().chars().count().max(1) as f64)
        .collect();
    let zh: Vec<f64> = chinese
        .iter()
        .map(|p| p.as_ref().chars().count().max(1) as f64)
        .collect();
    gale_church(&en, &zh)
}

/// Beads: (English paragraphs, Chinese paragraphs, prior probability).
const BEADS: [(usize, usize, f64); 6] = [
    (1, 1, 0.89),
    (1, 0, 0.005),
    (0, 1, 0.005),
    (2, 1, 0.0445),
    (1, 2, 0.0445),
    (2, 2, 0.011),
];

/// Variance of the length difference per character (Gale and Church, 1993).
const VARIANCE: f64 = 6.8;

/// Cells of the full alignment table above which only a band around the
/// diagonal is searched: an abstract has tens of paragraphs, but a pasted
/// collection can have hundreds of thousands, and the full table would grow
/// with their product.
const FULL_TABLE_CELLS: usize = 1 << 20;
/// Half-width of that band, in Chinese paragraphs.
const BAND: usize = 16;

fn gale_church(en: &[f64], zh: &[f64]) -> Vec<Aligned> {
    let (n, m) = (en.len(), zh.len());
    // Measured over both texts, but held to the range seen between English
    // and Chinese so that one untranslated paragraph cannot skew it.
    let ratio = (zh.iter().sum::<f64>() / en.iter().sum::<f64>()).clamp(0.25, 0.5);
    // Row i keeps columns lo(i)..=hi(i): all of them for a small table. The
    // rows are laid out flat, `width` cells each.
    let band = if (n + 1) * (m + 1) <= FULL_TABLE_CELLS {
        m
    } else {
        BAND
    };
    let lo = |i: usize| (i * m / n).saturating_sub(band);
    let hi = |i: usize| (i * m).div_ceil(n).saturating_add(band).min(m);
    let width = (m + 1).min(2 * band + 2);
    let cell = |i: usize, j: usize| (lo(i)..=hi(i)).contains(&j).then(|| i * width + j - lo(i));
    let mut cost = vec![f64::INFINITY; (n + 1) * width];
    // The bead (an index into BEADS) that reached each cell.
    let mut back = vec![0u8; (n + 1) * width];
    cost[0] = 0.0;
    for i in 0..=n {
        for j in lo(i)..=hi(i) {
            if i == 0 && j == 0 {
                continue;
            }
            let here = i * width + j - lo(i);
            for (k, &(di, dj, prior)) in BEADS.iter().enumerate() {
                if di > i || dj > j {
                    continue;
                }
                let Some(before) = cell(i - di, j - dj).map(|c| cost[c]) else {
                    continue;
                };
                if before.is_infinite() {
                    continue;
                }
                let l1: f64 = en[i - di..i].iter().sum();
                let l2: f64 = zh[j - dj..j].iter().sum();
                let c = before + bead_cost(l1, l2, ratio, prior);
                if c < cost[here] {
                    cost[here] = c;
                    back[here] = k as u8;
                }
            }
        }
    }
    let mut pairs = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let (di, dj, _) = BEADS[usize::from(back[i * width + j - lo(i)])];
        let mut bead = Vec::new();
        match (di, dj) {
            (0, _) => (j - dj..j).for_each(|b| bead.push((None, Some(b as u32)))),
            (_, 0) => (i - di..i).for_each(|a| bead.push((Some(a as u32), None))),
            _ => {
                for a in i - di..i {
                    for b in j - dj..j {
                        if di == dj && a - (i - di) != b - (j - dj) {
                            continue;
                        }
                        bead.push((Some(a as u32), Some(b as u32)));
                    }
                }
            }
        }
        pairs.extend(bead.into_iter().rev());
        i -= di;
        j -= dj;
    }
    pairs.reverse();
    pairs
}

fn bead_cost(l1: f64, l2: f64, ratio: f64, prior: f64) -> f64 {
    // A paragraph without counterpart costs its prior and a flat penalty, not
    // a length mismatch: an untranslated paragraph is as likely long as short.
    if l1 == 0.0 || l2 == 0.0 {
        return -prior.ln() + DELETION_PENALTY;
    }
    let mean = (l1 + l2 / ratio) / 2.0;
    let z = ((l2 / ratio - l1) / (mean * VARIANCE).sqrt()).abs();
    -prior.ln() + neg_ln_two_tail(z)
}

/// Cost of a paragraph left unpaired, beyond its prior.
const DELETION_PENALTY: f64 = 4.0;

/// `-ln(2 * (1 - Phi(z)))` for `z >= 0`, with the asymptotic tail beyond 5
/// so that large mismatches stay ordered instead of all underflowing.
fn neg_ln_two_tail(z: f64) -> f64 {
    if z < 5.0 {
        -(2.0 * (1.0 - normal_cdf(z))).ln()
    } else {
        z * z / 2.0 + z.ln() + 0.5 * (std::f64::consts::PI / 2.0).ln()
    }
}

/// Standard normal CDF (Abramowitz and Stegun 7.1.26, error below 1.5e-7).
fn normal_cdf(x: f64) -> f64 {
    let t = 1.0 / (1.0 + 0.327_591_1 * x.abs() / std::f64::consts::SQRT_2);
    let poly = t
        * (0.254_829_592
            + t * (-0.284_496_736
                + t * (1.421_413_741 + t * (-1.453_152_027 + t * 1.061_405_429))));
    let erf = 1.0 - poly * (-(x * x) / 2.0).exp();
    if x >= 0.0 {
        0.5 * (1.0 + erf)
    } else {
        0.5 * (1.0 - erf)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_uneven_text_aligns_in_a_band() {
        // 3,000 English and 2,000 Chinese paragraphs: 6 million cells, more
        // than the full table is allowed; every paragraph still appears once,
        // in order.
        let en: Vec<String> = (0..3000).map(|i| "x".repeat(60 + i % 40)).collect();
        let zh: Vec<String> = (0..2000).map(|i| "字".repeat(25 + i % 15)).collect();
        let pairs = align(&en, &zh);
        let english: Vec<u32> = pairs.iter().filter_map(|p| p.0).collect();
        let chinese: Vec<u32> = pairs.iter().filter_map(|p| p.1).collect();
        let mut unique_en = english.clone();
        unique_en.dedup();
        let mut unique_zh = chinese.clone();
        unique_zh.dedup();
        assert_eq!(unique_en, (0..3000).collect::<Vec<u32>>());
        assert_eq!(unique_zh, (0..2000).collect::<Vec<u32>>());
    }

    fn paras(lens: &[usize], c: char) -> Vec<String> {
        lens.iter().map(|&n| c.to_string().repeat(n)).collect()
    }

    #[test]
    fn language_is_told_by_script() {
        assert!(is_chinese(
            "接受托法替尼,5-10 mg,每日 2 次,或 upadacitinib,15 mg,每日 1 次。"
        ));
        assert!(!is_chinese(
            "Treatment with tofacitinib (托法替布), 5 to 10 mg twice daily."
        ));
    }

    #[test]
    fn equal_counts_pair_one_to_one() {
        let pairs = align(&paras(&[300, 120], 'e'), &paras(&[100, 40], '中'));
        assert_eq!(pairs, [(Some(0), Some(0)), (Some(1), Some(1))]);
    }

    #[test]
    fn a_merged_translation_pairs_two_to_one() {
        // English 0 and 1 were translated as one Chinese paragraph.
        let pairs = align(
            &paras(&[300, 310, 600, 150], 'e'),
            &paras(&[200, 200, 50], '中'),
        );
        assert_eq!(
            pairs,
            [
                (Some(0), Some(0)),
                (Some(1), Some(0)),
                (Some(2), Some(1)),
                (Some(3), Some(2))
            ]
        );
    }

    #[test]
    fn a_missing_translation_leaves_a_gap() {
        let pairs = align(&paras(&[300, 900, 150], 'e'), &paras(&[100, 50], '中'));
        assert_eq!(
            pairs,
            [(Some(0), Some(0)), (Some(1), None), (Some(2), Some(1))]
        );
    }
}
