import Testing
import OsteoModel
import OsteoPharm

@Suite struct RegimenTests {
    let month = 30.4375

    @Test func grammarExamplesFromProduct() throws {
        // PRODUCT.md's examples; a month is 30.4375 days.
        let weekly = try Regimen(parsing: "70 mg po weekly")
        #expect(weekly.phases == [Regimen.Phase(amount: 70, unit: .mg, route: .oral, intervalDays: 7)])
        #expect(try Regimen(parsing: "5 mg iv once").doses(drug: "x", start: 3, end: 1000).map(\.time) == [3])
        let tpt = try Regimen(parsing: "20 ug sc daily for 24 months")
        #expect(tpt.doses(drug: "x", start: 0, end: 10_000).count == 731)   // days 0…730 (< 730.5)
        let seq = try Regimen(parsing: "210 mg sc monthly x 12 then 60 mg sc every 6 months")
        let d = seq.doses(drug: "x", start: 0, end: 36 * month)
        #expect(d.count == 12 + 4)   // 12 monthly, then at months 12, 18, 24, 30
        #expect(d[11].time == 11 * month && d[11].amount == 210)
        #expect(d[12].time == 12 * month && d[12].amount == 60 && d[13].time == 18 * month)
        #expect(try Regimen(parsing: "60 mg sc every 6 months x 4").doses(drug: "x", start: 0, end: 10_000).map(\.time)
                == [0, 6 * month, 12 * month, 18 * month])
    }

    @Test func errorsPointAtTheToken() {
        do {
            _ = try Regimen(parsing: "60 mg sc every 6 mnths x 4")
            Issue.record("accepted a bad unit")
        } catch {
            #expect(error.offset == 17 && error.length == 5, "\(error)")
            #expect(error.description.contains("^^^^^"))
        }
        #expect(throws: RegimenError.self) { try Regimen(parsing: "60 furlongs sc weekly") }
        #expect(throws: RegimenError.self) { try Regimen(parsing: "70 mg weekly then 35 mg weekly") }  // first phase never ends
        #expect(throws: RegimenError.self) { try Regimen(parsing: "70 mg") }                           // no schedule
        #expect(throws: RegimenError.self) { try Regimen(parsing: "-5 mg daily") }
        #expect(throws: RegimenError.self) { try Regimen(parsing: "5 mg once x 3") }
    }

    @Test func dosingRecordsExpandADDL() throws {
        let csv = """
        TIME,DRUG,AMT,UNIT,ROUTE,II,ADDL,EVID
        0,test_sc_depot,60,mg,sc,182.625,3,1
        """
        let d = try DosingRecords.parse(csv, file: "r.csv", drugIDs: ["test_sc_depot"])
        #expect(d.map(\.time) == [0, 182.625, 365.25, 547.875] && d.allSatisfy { $0.route == .sc && $0.amount == 60 })
    }

    @Test func dosingRecordErrorsNameLineAndColumn() {
        func error(_ csv: String) -> DosingRecords.RecordError? {
            do { _ = try DosingRecords.parse(csv, file: "r.csv", drugIDs: ["test_sc_depot"]); return nil } catch { return error }
        }
        #expect(error("TIME,DRUG,AMT,UNIT,EVID\n0,test_sc_depot,60,mg,2")?.column == "EVID")
        #expect(error("TIME,DRUG,AMT,UNIT\n0,denosumabb,60,mg")?.column == "DRUG")
        #expect(error("TIME,DRUG,AMT\n0,test_sc_depot,60")?.column == "UNIT")
        #expect(error("TIME,DRUG,AMT,UNIT,ADDL\n0,test_sc_depot,60,mg,3")?.column == "II")
        #expect(error("TIME,DRUG,AMT,UNIT\n0,test_sc_depot,abc,mg")?.line == 2)
    }
}

/// A dose in IU is converted by the component's units per IU (vitamin D3: 40 IU = 1 µg) and
/// refused for a drug without one.
@Test func internationalUnitsConvertThroughTheComponent() throws {
    let vd = VitaminDComponent()
    let system = BoneSystem(core: BoneCore(patient: PatientBaseline(sex: .female, age: 70)), components: [vd, TestDepotComponent()])
    let events = try DoseEvents.events(for: [Dose(time: 0, drug: "vitamin_d", amount: 800, unit: .iu, route: .oral)],
                                       component: 0, in: system, defaultRoute: .oral)
    guard case let .add(_, amount)? = events.first?.jumps.first else { Issue.record("expected a bolus"); return }
    #expect(abs(amount - 800 * 0.025 * vd.parameters.responsePerMicrogram) < 1e-15)   // 20 µg × response
    #expect(throws: DoseError.self) {
        try DoseEvents.events(for: [Dose(time: 0, drug: "test_sc_depot", amount: 800, unit: .iu, route: .sc)],
                              component: 1, in: system, defaultRoute: .sc)
    }
}
