@_exported import OsteoCatalog

/// One glucocorticoid course. Days are relative to today (day 0); negative = in the past.
/// The course is taken on every whole day `d` with `startDay <= d < stopDay`; `stopDay == nil` means open-ended
/// (assumed to continue).
public struct GlucocorticoidCourse: Sendable, Equatable, Codable {
    public var drug: GlucocorticoidDrug
    public var doseMgPerDay: Double
    public var startDay: Double
    public var stopDay: Double?

    public init(drug: GlucocorticoidDrug, doseMgPerDay: Double, startDay: Double = 0, stopDay: Double? = nil) {
        self.drug = drug
        self.doseMgPerDay = doseMgPerDay
        self.startDay = startDay
        self.stopDay = stopDay
    }

    public var prednisoloneEquivalentMgPerDay: Double { doseMgPerDay * drug.prednisoloneEquivalentFactor }

    public func isTaken(onDay d: Int) -> Bool {
        Double(d) >= startDay && (stopDay.map { Double(d) < $0 } ?? true)
    }
}

/// Glucocorticoid exposure derived from courses (guidelines.md §0: currentDailyPEQ, cumulativePEQ_last365d,
/// daysAtOrAbove30mg). Day-by-day: the past year is days −364…0 (365 days including today); the planned year is
/// days 1…365, where an open-ended course counts as continuing.
public struct GlucocorticoidExposure: Sendable, Equatable, Codable {
    /// Sum of the PEQ doses of the courses taken today, mg/day.
    public var currentDailyPEQMg: Double
    /// Cumulative PEQ over the past 365 days (g), from the courses or as entered.
    public var cumulativeLastYearG: Double
    /// Whether `cumulativeLastYearG` was entered by the user (`cumulative_gc_last_year_g`) rather than derived.
    public var cumulativeEntered: Bool
    /// Days in the past year (incl. today) with total PEQ ≥ 30 mg.
    public var pastDaysAtOrAbove30mg: Int
    /// Planned days (next 365) with total PEQ ≥ 30 mg.
    public var plannedDaysAtOrAbove30mg: Int
    /// Past + planned days with total PEQ ≥ 7.5 mg, counting only the run that includes today.
    public var continuousDaysAtOrAbove7_5mg: Int
    /// Past + planned days with any systemic GC ≥ 2.5 mg/day (run including today); for the ACR scope (>3 months).
    public var continuousDaysAtOrAbove2_5mg: Int
    /// Past + planned days on any systemic GC (run including today); for the scope of JSBMR 2014, IOF-ECTS 2012
    /// and NOGG 2022 (≥ 3 months of glucocorticoid at any dose).
    public var continuousDaysOnGlucocorticoid: Int
    /// Highest total PEQ dose on any day of the past and planned year, mg/day, and whether courses overlap then.
    public var peakDailyPEQMg: Double
    /// Pairs of courses (0-based indices) taken on a common day of the past or planned year.
    public var overlappingCourses: [[Int]]
    /// Whether any course is open-ended.
    public var openEnded: Bool

    public var daysAtOrAbove30mg: Int { pastDaysAtOrAbove30mg + plannedDaysAtOrAbove30mg }
    public var isCurrent: Bool { currentDailyPEQMg > 0 }

    public init(courses: [GlucocorticoidCourse], enteredCumulativeLastYearG: Double? = nil) {
        func dose(_ d: Int) -> Double {
            courses.reduce(0) { $0 + ($1.isTaken(onDay: d) ? $1.prednisoloneEquivalentMgPerDay : 0) }
        }
        let past = (-364...0).map(dose)
        let planned = (1...365).map(dose)
        currentDailyPEQMg = dose(0)
        let derived = past.reduce(0, +) / 1000
        cumulativeLastYearG = enteredCumulativeLastYearG ?? derived
        cumulativeEntered = enteredCumulativeLastYearG != nil
        pastDaysAtOrAbove30mg = past.filter { $0 >= 30 }.count
        plannedDaysAtOrAbove30mg = planned.filter { $0 >= 30 }.count
        func run(_ threshold: Double) -> Int {
            guard dose(0) >= threshold else { return 0 }
            let back = past.reversed().prefix { $0 >= threshold }.count
            let ahead = planned.prefix { $0 >= threshold }.count
            return back + ahead
        }
        continuousDaysAtOrAbove7_5mg = run(7.5)
        continuousDaysAtOrAbove2_5mg = run(2.5)
        continuousDaysOnGlucocorticoid = run(Double.leastNonzeroMagnitude)
        peakDailyPEQMg = (past + planned).max() ?? 0
        var pairs: [[Int]] = []
        for i in courses.indices {
            for j in courses.indices where j > i {
                let a = courses[i], b = courses[j]
                let from = max(a.startDay, b.startDay, -364), to = min(a.stopDay ?? 366, b.stopDay ?? 366, 366)
                if from < to { pairs.append([i, j]) }
            }
        }
        overlappingCourses = pairs
        openEnded = courses.contains { $0.stopDay == nil }
    }
}

/// Days in a month (PRODUCT.md: month = 30.4375 days).
public let daysPerMonth = 30.4375
