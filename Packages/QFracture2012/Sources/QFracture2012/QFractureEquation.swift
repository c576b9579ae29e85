// SPDX-License-Identifier: LGPL-3.0-or-later
//
// Part of the QFracture-2012 transcription (ClinRisk Ltd, LGPL-3.0-or-later); see QFracture2012.swift.

import Foundation

/// One QFracture-2012 Cox equation: baseline survival by year, categorical terms, centred fractional-polynomial
/// terms in age/10 and BMI/10, and binary-factor coefficients — the structure of the generated C functions.
struct QFractureEquation: Sendable {
    /// A fractional-polynomial transform of x = value/10: x^p, or x^p·ln(x) for a repeated power.
    enum Transform: Sendable {
        case power(Double)
        case powerLog(Double)

        func apply(_ x: Double) -> Double {
            switch self {
            case .power(let p): pow(x, p)
            case .powerLog(let p): pow(x, p) * log(x)
            }
        }
    }

    /// The binary factors, named as the `Flags` properties.
    enum Factor: Sendable {
        case antidepressant, anyCancer, asthmaOrCOPD, careHome, corticosteroids, cardiovascularDisease, dementia
        case endocrineDisorder, epilepsyOrAnticonvulsant, historyOfFalls, priorFracture, hrt, chronicLiverDisease
        case malabsorption, parkinsons, rheumatoidArthritisOrSLE, chronicRenalDisease, type1Diabetes, type2Diabetes
        case parentalOsteoporosisOrHipFracture

        func isPresent(in f: QFractureInput.Flags) -> Bool {
            switch self {
            case .antidepressant: f.antidepressant
            case .anyCancer: f.anyCancer
            case .asthmaOrCOPD: f.asthmaOrCOPD
            case .careHome: f.careHome
            case .corticosteroids: f.corticosteroids
            case .cardiovascularDisease: f.cardiovascularDisease
            case .dementia: f.dementia
            case .endocrineDisorder: f.endocrineDisorder
            case .epilepsyOrAnticonvulsant: f.epilepsyOrAnticonvulsant
            case .historyOfFalls: f.historyOfFalls
            case .priorFracture: f.priorFracture
            case .hrt: f.hrt
            case .chronicLiverDisease: f.chronicLiverDisease
            case .malabsorption: f.malabsorption
            case .parkinsons: f.parkinsons
            case .rheumatoidArthritisOrSLE: f.rheumatoidArthritisOrSLE
            case .chronicRenalDisease: f.chronicRenalDisease
            case .type1Diabetes: f.type1Diabetes
            case .type2Diabetes: f.type2Diabetes
            case .parentalOsteoporosisOrHipFracture: f.parentalOsteoporosisOrHipFracture
            }
        }
    }

    /// (transform, centring constant, coefficient).
    struct Term: Sendable {
        var transform: Transform
        var centre: Double
        var coefficient: Double
    }

    /// `survivor[1…18]`; index 0 unused, as in the C arrays.
    var survivor: [Double]
    var alcohol: [Double]   // Ialcohol[0…5]
    var ethnicity: [Double] // Iethrisk[0…9] (0 unused)
    var smoking: [Double]   // Ismoke[0…4]
    var ageTerms: [Term]
    var bmiTerms: [Term]
    /// Coefficients of the binary factors this equation contains.
    var factors: [(Factor, Double)]

    /// The linear predictor `a` of the C source, summed in the same order.
    func linearPredictor(_ p: QFractureInput) -> Double {
        var a = 0.0
        a += alcohol[p.alcohol.rawValue]
        a += ethnicity[p.ethnicity.rawValue]
        a += smoking[p.smoking.rawValue]
        let dage = Double(p.age) / 10
        let dbmi = p.bmi / 10
        for t in ageTerms { a += (t.transform.apply(dage) - t.centre) * t.coefficient }
        for t in bmiTerms { a += (t.transform.apply(dbmi) - t.centre) * t.coefficient }
        for (factor, beta) in factors where factor.isPresent(in: p.flags) { a += beta }
        return a
    }

    /// Risk in percent over `years` (validated by the caller).
    func risk(_ p: QFractureInput, years: Int) -> Double {
        100.0 * (1 - pow(survivor[years], exp(linearPredictor(p))))
    }
}
