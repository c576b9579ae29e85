import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Everything the CLI prints goes through here: one error prefix (`osteosim:`), and output that could not be
/// written is an error (exit status 1), never a silent success.
enum CLI {
    static let prefix = "osteosim: "

    static func printError(_ message: String) {
        FileHandle.standardError.write(Data((prefix + message + "\n").utf8))
    }

    /// Prints `message` to stderr and returns the exit status to throw (the message is already printed).
    static func fail(_ message: String, status: Int32) -> ExitCode {
        printError(message)
        return ExitCode(status)
    }

    /// Writes `text` to `path`, or to standard output when `path` is nil. Throws (after printing why) if the
    /// text could not be written completely.
    static func write(_ text: String, to path: String?) throws(ExitCode) {
        guard let path else {
            var bytes = Array(text.utf8)
            if !writeAll(1, &bytes) { throw fail("cannot write standard output: \(String(cString: strerror(errno)))", status: 1) }
            return
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw fail("cannot write \(path): it is a directory; give a file name such as \(path)/result.csv", status: 1)
        }
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw fail("cannot write \(path): \(String(cString: strerror(errno)))", status: 1) }
        var bytes = Array(text.utf8)
        let ok = writeAll(fd, &bytes)
        let err = errno
        if close(fd) != 0 || !ok {
            throw fail("cannot write \(path): \(String(cString: strerror(ok ? errno : err)))", status: 1)
        }
    }

    static func writeAll(_ fd: Int32, _ bytes: inout [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { buf -> Int in
                guard let base = buf.baseAddress else { return 0 }
                return Foundation.write(fd, base + offset, buf.count - offset)
            }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return false }
            offset += n
        }
        return true
    }
}
