import OsteoCatalog
import OsteoModel

/// What a disease preset says about a chronic inflammatory disease (docs/model.md,
/// "Inflammation"): how much systemic inflammation its typical active state carries (as CRP), and
/// the parts of its bone effect that are not inflammation — disuse (immobility, low physical
/// activity, low BMI), malabsorption of calcium, vitamin D deficiency. Activity 1 is the preset's
/// typical active disease; every effect here scales with the disease's inflammatory activity
/// (through the same saturating function as the cytokines), except vitamin D deficiency, which
/// lasts as long as the disease does.
///
/// Parameter names carry the preset's prefix (`ra_disuse`, `coeliac_malabsorption`, …).
public struct DiseasePreset: Sendable, Equatable {
    public struct Parameters: ParameterSet {
        /// CRP (mg/L) of the typical active disease (activity 1).
        public var referenceCRP = 25.0
        /// Fractional fall in sensed mechanical loading at activity 1.
        public var disuse = 0.0
        /// Fractional fall in gut calcium absorption at activity 1 (mucosal disease).
        public var malabsorption = 0.0
        /// Fractional fall in gut calcium absorption from vitamin D deficiency, while the disease lasts.
        public var vitaminDDeficiency = 0.0
        public init() {}
        public init(referenceCRP: Double, disuse: Double, malabsorption: Double, vitaminDDeficiency: Double) {
            self.referenceCRP = referenceCRP
            self.disuse = disuse
            self.malabsorption = malabsorption
            self.vitaminDDeficiency = vitaminDDeficiency
        }
        public static let table: [ParameterRow<Parameters>] = [
            ParameterRow("reference_crp", \.referenceCRP, "mg/L", "CRP of the typical active disease (activity 1)", "per preset (see the preset's source)", range: 0.5...300),
            ParameterRow("disuse", \.disuse, "-", "fractional fall in sensed mechanical loading at activity 1", "per preset", range: 0...0.35),
            ParameterRow("malabsorption", \.malabsorption, "-", "fractional fall in gut calcium absorption at activity 1", "per preset", range: 0...0.4),
            ParameterRow("vitamin_d_deficiency", \.vitaminDDeficiency, "-", "fractional fall in gut calcium absorption from vitamin D deficiency while the disease lasts", "per preset", range: 0...0.3),
        ]
    }

    public let disease: DiseaseID
    public let parameters: Parameters

    public init(_ disease: DiseaseID, parameters: Parameters? = nil) {
        self.disease = disease
        self.parameters = parameters ?? Self.defaults(disease)
    }

    /// The prefix of the preset's parameter names.
    public var prefix: String {
        switch disease {
        case .rheumatoidArthritis: "ra"
        case .systemicLupusErythematosus: "sle"
        case .crohnsDisease: "crohns"
        case .ulcerativeColitis: "uc"
        case .coeliacDisease: "coeliac"
        case .copd: "copd"
        case .periodontitis: "periodontitis"
        case .cysticFibrosis: "cf"
        case .ankylosingSpondylitis: "as"
        case .lowGradeInflammation: "low_grade"
        }
    }

    /// The preset's values. RA's disuse is calibrated (`osteosim-calibrate inflammation`, E1);
    /// the others are stated assumptions unless a source is given (sources per row in ``sources``).
    public static func defaults(_ d: DiseaseID) -> Parameters {
        switch d {
        case .rheumatoidArthritis: Parameters(referenceCRP: 25, disuse: 0.27, malabsorption: 0, vitaminDDeficiency: 0)
        case .systemicLupusErythematosus: Parameters(referenceCRP: 6, disuse: 0.05, malabsorption: 0, vitaminDDeficiency: 0.1)
        case .crohnsDisease: Parameters(referenceCRP: 20, disuse: 0.05, malabsorption: 0.15, vitaminDDeficiency: 0.05)
        case .ulcerativeColitis: Parameters(referenceCRP: 10, disuse: 0.03, malabsorption: 0.05, vitaminDDeficiency: 0.05)
        case .coeliacDisease: Parameters(referenceCRP: 1.5, disuse: 0, malabsorption: 0.38, vitaminDDeficiency: 0)
        case .copd: Parameters(referenceCRP: 5, disuse: 0.15, malabsorption: 0, vitaminDDeficiency: 0.05)
        case .periodontitis: Parameters(referenceCRP: 3, disuse: 0, malabsorption: 0, vitaminDDeficiency: 0)
        case .cysticFibrosis: Parameters(referenceCRP: 8, disuse: 0.1, malabsorption: 0.25, vitaminDDeficiency: 0.1)
        case .ankylosingSpondylitis: Parameters(referenceCRP: 15, disuse: 0.1, malabsorption: 0, vitaminDDeficiency: 0)
        case .lowGradeInflammation: Parameters(referenceCRP: 3, disuse: 0, malabsorption: 0, vitaminDDeficiency: 0)
        }
    }

    /// Where each default comes from (reference CRP, disuse, malabsorption, vitamin D), and what
    /// the preset leaves out (docs/model.md, "Inflammation").
    public static func sources(_ d: DiseaseID) -> (crp: String, disuse: String, malabsorption: String, vitaminD: String, notModelled: String) {
        switch d {
        case .rheumatoidArthritis:
            ("early-RA cohorts: CRP mean 25–38 mg/L (FIN-RACo, J Rheumatol), median 16–18 mg/L (Leeds IFX trial, ARD); PREMIER 40 mg/L at DAS28 6.3",
             "calibrated to the hip-over-spine loss of early untreated RA (E1, Gough 1994: loss linked to disease activity and immobility; `osteosim-calibrate inflammation`)",
             "none", "none",
             "periarticular (hand) bone loss and erosions (no such envelope in the core)")
        case .systemicLupusErythematosus:
            ("assumed [M]: CRP is characteristically only mildly raised in SLE flares (without serositis or infection)",
             "assumed (arthritis and fatigue)", "none",
             "assumed (photoprotection and sun avoidance make vitamin D deficiency common [M])",
             "glucocorticoid use (give it as a course), premature ovarian failure after cyclophosphamide, renal disease")
        case .crohnsDisease:
            ("assumed [M] (active Crohn's disease typically 10–50 mg/L)", "assumed (flare-related inactivity)",
             "assumed (ileal disease or resection; bile-acid and fat malabsorption)", "assumed (ileal disease)",
             "glucocorticoid courses (give them), low BMI, hypogonadism; raised serum RANKL/OPG is not a separate input")
        case .ulcerativeColitis:
            ("assumed [M] (CRP usually lower than in Crohn's disease)", "assumed", "assumed (small: colonic disease)", "assumed",
             "glucocorticoid courses (give them)")
        case .coeliacDisease:
            ("assumed [M] (low-grade systemic inflammation)", "none",
             "Molteni 1995 Am J Gastroenterol: strontium absorption 13.8% vs 22.5% in controls at diagnosis (−38%), normal after 12 months of gluten-free diet (activity → remission)",
             "none (normalises on diet, Molteni 1995; a residual −24% fractional absorption after >4 years, Pazianas 2005 Osteoporos Int, is not modelled)",
             "secondary hyperparathyroidism beyond what the calcium/PTH system produces; refractory disease")
        case .copd:
            ("assumed [M] (stable COPD: mildly raised CRP)", "assumed (low physical activity and low BMI; E12: BMI < 18.5 OR 4.26)", "none", "assumed",
             "hypoxia (stimulates osteoclast formation in vitro), inhaled/oral glucocorticoids (give oral courses), smoking, sarcopenia (E12 OR 3.65)")
        case .periodontitis:
            ("assumed [M] (mild systemic inflammation)", "none", "none", "none", "local alveolar bone loss")
        case .cysticFibrosis:
            ("assumed [M]", "assumed (reduced physical activity)", "assumed (pancreatic insufficiency)", "assumed (fat-soluble vitamin malabsorption)",
             "delayed puberty/hypogonadism, low BMI, glucocorticoids, low peak bone mass")
        case .ankylosingSpondylitis:
            ("assumed [M]", "assumed (spinal stiffness, reduced mobility)", "none", "none",
             "syndesmophytes that raise measured lumbar spine BMD (a DXA artefact), new bone formation at entheses")
        case .lowGradeInflammation:
            ("assumed: activity 1 = hsCRP 3 mg/L, the usual cut-off of high cardiovascular-risk hsCRP; give the patient's hsCRP as crp", "none", "none", "none",
             "whatever raises the CRP (obesity, smoking, ageing); only the systemic cytokine actions are modelled")
        }
    }

    public var parameterInfo: [ParameterInfo] {
        let s = Self.sources(disease)
        let src = [s.crp, s.disuse, s.malabsorption, s.vitaminD]
        return parameters.info(component: "inflammation").enumerated().map { i, p in
            ParameterInfo(component: p.component, name: "\(prefix)_\(p.name)", value: p.value, unit: p.unit,
                          meaning: "\(disease.rawValue): \(p.meaning)", source: src[i], min: p.min, max: p.max)
        }
    }

    /// A copy with `name` (prefixed) overridden.
    public func setting(_ name: String, to value: Double) throws(ParameterError) -> DiseasePreset {
        let p = "\(prefix)_"
        guard name.hasPrefix(p) else { throw .unknown(name: name, suggestion: nil) }
        return DiseasePreset(disease, parameters: try parameters.setting(String(name.dropFirst(p.count)), to: value))
    }
}
