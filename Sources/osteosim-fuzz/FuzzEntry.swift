import Foundation
import OsteoSim

/// Fuzz target for the scenario and patient parsers (docs/file-formats.md, "Limits"): any bytes are parsed as a
/// scenario and as a patient file; whatever parses is simulated or assessed and rendered. Bad input must come back
/// as an `InputError`, never a crash or a hang; an accepted scenario must simulate without a solver failure or a
/// non-finite output (those trap, so the fuzzer reports them).
///
/// Built with libFuzzer by tools/fuzz/run.sh (`-sanitize=fuzzer -D OSTEOSIM_LIBFUZZER`); a plain build gives a
/// replayer: `osteosim-fuzz FILE...` runs the same checks on each file (to reproduce a crash the fuzzer found).
enum FuzzTarget {
    static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let root = try? InputNode.parse(text, file: "fuzz.yaml") else { return }
        if let s = try? Scenario.parse(root) {
            do {
                let table = try SimulationRunner.run(s)
                for row in table.rows where !row.allSatisfy(\.isFinite) { fatalError("non-finite output for an accepted scenario") }
                _ = TableWriter.csv(table)
                _ = TableWriter.json(table)
                _ = TableWriter.text(table)
            } catch .solver(let e) {
                fatalError("solver failure for an accepted scenario: \(e)")
            } catch {
                // sections not modelled yet are refused as input errors
            }
        }
        if let p = try? PatientFile.parse(root), let report = try? AssessmentReport.assess(p, path: "fuzz.yaml") {
            _ = report.text()
            _ = report.json()
        }
    }
}

#if OSTEOSIM_LIBFUZZER
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzTarget.run(UnsafeBufferPointer(start: data, count: size))
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// SwiftPM links an executable target's entry point under this name (`main` is defined as an alias of it), so
/// the libFuzzer driver is started from here.
@_cdecl("osteosim_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzOneInput)
}
#else
@main
enum FuzzReplay {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("osteosim-fuzz: cannot read \(path)\n".utf8))
                exit(2)
            }
            data.withUnsafeBytes { raw in FuzzTarget.run(raw.bindMemory(to: UInt8.self)) }
            print("\(path): ok")
        }
    }
}
#endif
