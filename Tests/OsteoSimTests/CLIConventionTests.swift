import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue 18, on the built binary: exit statuses, standard input, --output, hints, limits, write failures, and
/// QFracture2012 loaded as a shared library.
@Suite(.enabled(if: CLITests.binary != nil, "osteosim binary not built"))
struct CLIConventionTests {
    struct Run { var status: Int32; var stdout: String; var stderr: String; var seconds: Double }

    /// Runs the binary with `stdin` as its standard input (or none) and `stdoutPath` as its standard output (or a
    /// pipe).
    func run(_ args: [String], stdin: String? = nil, stdoutPath: String? = nil) throws -> Run {
        let p = Process()
        p.executableURL = try #require(CLITests.binary)
        p.arguments = args
        p.currentDirectoryURL = CLITests.root
        let out = Pipe(), err = Pipe(), inp = Pipe()
        if let stdoutPath { p.standardOutput = try #require(FileHandle(forWritingAtPath: stdoutPath)) } else { p.standardOutput = out }
        p.standardError = err
        p.standardInput = stdin == nil ? FileHandle.nullDevice : inp
        let t0 = Date()
        try p.run()
        if let stdin {
            inp.fileHandleForWriting.write(Data(stdin.utf8))
            try inp.fileHandleForWriting.close()
        }
        let o = stdoutPath == nil ? out.fileHandleForReading.readDataToEndOfFile() : Data()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationReason == .exit, "\(args): killed by signal \(p.terminationStatus)")
        return Run(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self),
                   seconds: Date().timeIntervalSince(t0))
    }

    func temporaryFile(_ name: String, _ text: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("osteosim-cli-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test(arguments: [
        ["simulate", "examples/freedom-placebo.yaml", "--format", "xml"],
        ["simulate"],
        ["frobnicate"],
        ["assess", "a.yaml", "b.yaml"],
        ["simulate", "examples/freedom-placebo.yaml", "--output", "x.dat"],
    ])
    func usageErrorsExit2WithTheUsageLine(args: [String]) throws {
        let r = try run(args)
        #expect(r.status == 2, "\(args): \(r.stderr)")
        #expect(r.stderr.hasPrefix("osteosim: "), "\(r.stderr)")
        #expect(r.stderr.contains("Usage: osteosim"), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test func helpAndVersionExit0() throws {
        let h = try run(["simulate", "--help"])
        #expect(h.status == 0 && h.stdout.contains("docs/file-formats.md"))
        for command in ["assess", "validate", "demo"] {
            #expect(try run([command, "--help"]).stdout.contains("docs/file-formats.md"), "\(command)")
        }
        #expect(try run(["--version"]).status == 0)
    }

    @Test func oneErrorPrefix() throws {
        for args in [["simulate", "examples/bad/typo-key.yaml"], ["assess", "examples/bad/typo-key.yaml"], ["validate", "--case", "nope"]] {
            let r = try run(args)
            #expect(r.status == 2 && r.stderr.hasPrefix("osteosim: ") && !r.stderr.contains("osteosim assess:"), "\(args): \(r.stderr)")
        }
    }

    @Test func writeFailureExits1() throws {
        for args in [["simulate", "examples/freedom-placebo.yaml"], ["assess", "examples/patients/demo-prednisone-10mg.yaml"], ["demo"]] {
            let r = try run(args, stdoutPath: "/dev/full")
            #expect(r.status == 1, "\(args): \(r.status)")
            #expect(r.stderr.contains("cannot write standard output"), "\(args): \(r.stderr)")
        }
        let dir = try run(["simulate", "examples/freedom-placebo.yaml", "--output", FileManager.default.temporaryDirectory.path])
        #expect(dir.status == 1 && dir.stderr.contains("is a directory") && !dir.stderr.contains("NSCocoaErrorDomain"), "\(dir.stderr)")
    }

    @Test func dashReadsStandardInput() throws {
        let scenario = try String(contentsOf: CLITests.root.appendingPathComponent("examples/freedom-placebo.yaml"), encoding: .utf8)
        let r = try run(["simulate", "-"], stdin: scenario)
        #expect(r.status == 0 && r.stdout.hasPrefix("day,lumbar_spine_bmd_change_pct"), "\(r.stderr)")
        let bad = try run(["assess", "-"], stdin: "sex: female\nage: 65\nage: 30\n")
        #expect(bad.status == 2 && bad.stderr.contains("<standard input>: field 'age': duplicate key 'age' on lines 2 and 3"), "\(bad.stderr)")
    }

    @Test func outputFormatFollowsTheExtension() throws {
        let json = try temporaryFile("out.json", "")
        #expect(try run(["simulate", "examples/freedom-placebo.yaml", "--output", json]).status == 0)
        let text = try String(contentsOfFile: json, encoding: .utf8)
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        #expect(object?["units"] != nil && (object?["disclaimer"] as? String)?.contains("not a medical device") == true)
        // An explicit --format wins over the extension.
        #expect(try run(["simulate", "examples/freedom-placebo.yaml", "--output", json, "--format", "csv"]).status == 0)
        #expect(try String(contentsOfFile: json, encoding: .utf8).hasPrefix("day,"))
        let table = try run(["simulate", "examples/freedom-placebo.yaml", "--format", "table"])
        #expect(!table.stdout.contains("-0.000"))
    }

    @Test func wrongKindOfFileGetsAHint() throws {
        let s = try run(["simulate", "examples/patients/demo-prednisone-10mg.yaml"])
        #expect(s.status == 2 && s.stderr.contains("looks like a patient file") && s.stderr.contains("osteosim assess"), "\(s.stderr)")
        let a = try run(["assess", "examples/freedom-placebo.yaml"])
        #expect(a.status == 2 && a.stderr.contains("looks like a scenario file") && a.stderr.contains("osteosim simulate"), "\(a.stderr)")
    }

    /// Largest resident set of the children so far, bytes (Linux reports ru_maxrss in KiB).
    func childrenMaxRSS() -> Int {
        #if os(Linux)
        var u = rusage()
        getrusage(__rusage_who_t(RUSAGE_CHILDREN.rawValue), &u)
        return u.ru_maxrss * 1024
        #else
        return 0
        #endif
    }

    @Test func hostileFilesExit2QuicklyInLittleMemory() throws {
        var laughs = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        var previous = "a"
        for k in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            laughs += "\(k): &\(k) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
            previous = k
        }
        let files: [(String, String, String)] = [
            ("deep.yaml", "name: x\npatient: " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000) + "\n", "nested"),
            ("deep.json", String(repeating: "{\"a\": ", count: 5000) + "1" + String(repeating: "}", count: 5000), "nested"),
            ("laughs.yaml", laughs, "100000 values, counting each use of an alias"),
            ("keys.yaml", (0..<250_000).map { "k\($0): 1\n" }.joined(), "more than the limit"),
            ("rows.yaml", "patient: {sex: female, age: 65}\nduration: 1 year\noutput_every: 0.0001 days\n", "output_every"),
            ("old.yaml", "patient: {sex: female, age: 65}\nduration: 100 years\n", "duration"),
        ]
        for (name, text, expected) in files {
            let path = try temporaryFile(name, text)
            for command in ["simulate", "assess"] where !(command == "assess" && ["rows.yaml", "old.yaml"].contains(name)) {
                let r = try run([command, path])
                #expect(r.status == 2 && r.stderr.contains(expected), "\(command) \(name): \(r.status) \(r.stderr)")
                #expect(r.seconds < 5, "\(command) \(name): \(r.seconds) s")
            }
        }
        #expect(childrenMaxRSS() < 1 << 30, "a child used \(childrenMaxRSS() >> 20) MiB")
    }

    @Test func qfractureIsLoadedAsASharedLibrary() throws {
        // LGPL: osteosim must load libQFracture2012 at run time, not contain it. The dynamic section lists it as
        // NEEDED, and the QFracture score function is an undefined (imported) symbol of the executable.
        let binary = try #require(CLITests.binary)
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/readelf") else { return }
        func tool(_ path: String, _ args: [String]) throws -> String {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: path)
            p.arguments = args
            let out = Pipe()
            p.standardOutput = out
            try p.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }
        let dynamic = try tool("/usr/bin/readelf", ["-d", binary.path])
        #expect(dynamic.contains("(NEEDED)") && dynamic.contains("[libQFracture2012.so]"), "\(dynamic)")
        let library = binary.deletingLastPathComponent().appendingPathComponent("libQFracture2012.so")
        #expect(FileManager.default.fileExists(atPath: library.path))
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/nm") {
            let undefined = try tool("/usr/bin/nm", ["-u", binary.path])
            #expect(undefined.contains("$s13QFracture2012AAO5score"), "the QFracture score is not imported from the shared library")
            let exported = try tool("/usr/bin/nm", ["-D", "--defined-only", library.path])
            #expect(exported.contains("$s13QFracture2012AAO5score"))
        }
        // And it runs: the demo computes QFracture through the shared library.
        let demo = try run(["demo"])
        #expect(demo.status == 0 && demo.stdout.contains("QFracture-2012 (10-year risk): major osteoporotic fracture"))
    }
}
