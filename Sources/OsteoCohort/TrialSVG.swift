import Foundation
import OsteoSim

extension TrialSummary {
    static let palette = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf"]

    static func xml(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// "Nice" tick values covering [lo, hi].
    static func ticks(_ lo: Double, _ hi: Double, count: Int = 5) -> [Double] {
        let span = max(hi - lo, 1e-9)
        let raw = span / Double(count)
        let mag = pow(10, (log10(raw)).rounded(.down))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * mag }.first { $0 >= raw } ?? 10 * mag
        var t = (lo / step).rounded(.down) * step
        var out: [Double] = []
        while t <= hi + 1e-9 * step { if t >= lo - 1e-9 * step { out.append(t) }; t += step }
        return out
    }

    /// One panel per endpoint: for each arm the median, the 25th–75th and the 5th–95th percentile bands over time.
    public func svg() -> String {
        let width = 720.0, panelHeight = 300.0, left = 70.0, right = 170.0, top = 62.0, bottom = 56.0
        let endpoints = info.endpoints
        let height = top + Double(endpoints.count) * (panelHeight + bottom) + 52
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" font-family=\"sans-serif\" font-size=\"12\">\n"
        out += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
        let title = (info.name.isEmpty ? "In-silico trial" : info.name) + (partial ? " (shard \(info.shard) only)" : "")
        out += "<text x=\"\(left)\" y=\"24\" font-size=\"16\" font-weight=\"bold\">\(Self.xml(title))</text>\n"
        let maxDay = info.outputDays.last ?? 1
        let months = maxDay / 30.4375
        for (e, endpoint) in endpoints.enumerated() {
            let y0 = top + Double(e) * (panelHeight + bottom)
            let rows = statistics.filter { $0.endpoint == endpoint }
            guard !rows.isEmpty else { continue }
            let lo = rows.map { $0.percentiles[0] }.min() ?? 0, hi = rows.map { $0.percentiles[4] }.max() ?? 1
            let pad = max((hi - lo) * 0.05, 1e-6)
            let ymin = lo - pad, ymax = hi + pad
            let plotW = width - left - right
            func px(_ day: Double) -> Double { left + (day / 30.4375) / max(months, 1e-9) * plotW }
            func py(_ v: Double) -> Double { y0 + panelHeight - (v - ymin) / (ymax - ymin) * panelHeight }
            func f(_ v: Double) -> String { String(format: "%.1f", v) }
            out += "<g>\n<text x=\"\(left)\" y=\"\(f(y0 - 8))\" font-weight=\"bold\">\(Self.xml(endpoint)) (\(Self.xml(TableWriter.unit(of: endpoint))))</text>\n"
            out += "<rect x=\"\(left)\" y=\"\(f(y0))\" width=\"\(f(plotW))\" height=\"\(f(panelHeight))\" fill=\"none\" stroke=\"#888\"/>\n"
            for t in Self.ticks(ymin, ymax) {
                out += "<line x1=\"\(left)\" x2=\"\(f(left + plotW))\" y1=\"\(f(py(t)))\" y2=\"\(f(py(t)))\" stroke=\"#eee\"/>"
                out += "<text x=\"\(f(left - 6))\" y=\"\(f(py(t) + 4))\" text-anchor=\"end\">\(Self.xml(String(format: "%g", t)))</text>\n"
            }
            for t in Self.ticks(0, months) {
                let x = left + t / max(months, 1e-9) * plotW
                out += "<text x=\"\(f(x))\" y=\"\(f(y0 + panelHeight + 16))\" text-anchor=\"middle\">\(Self.xml(String(format: "%g", t)))</text>\n"
            }
            out += "<text x=\"\(f(left + plotW / 2))\" y=\"\(f(y0 + panelHeight + 34))\" text-anchor=\"middle\">months</text>\n"
            for (a, arm) in info.arms.enumerated() {
                let series = rows.filter { $0.arm == arm }.sorted { $0.day < $1.day }
                guard !series.isEmpty else { continue }
                let color = Self.palette[a % Self.palette.count]
                func band(_ i: Int, _ j: Int, _ opacity: Double) -> String {
                    let upper = series.map { "\(f(px($0.day))),\(f(py($0.percentiles[j])))" }
                    let lower = series.reversed().map { "\(f(px($0.day))),\(f(py($0.percentiles[i])))" }
                    return "<polygon points=\"\((upper + lower).joined(separator: " "))\" fill=\"\(color)\" fill-opacity=\"\(opacity)\" stroke=\"none\"/>\n"
                }
                out += band(0, 4, 0.12) + band(1, 3, 0.25)
                out += "<polyline points=\"\(series.map { "\(f(px($0.day))),\(f(py($0.percentiles[2])))" }.joined(separator: " "))\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\"/>\n"
                let ly = y0 + 14 + Double(a) * 18
                out += "<rect x=\"\(f(left + plotW + 12))\" y=\"\(f(ly - 9))\" width=\"12\" height=\"10\" fill=\"\(color)\"/>"
                out += "<text x=\"\(f(left + plotW + 30))\" y=\"\(f(ly))\">\(Self.xml(arm))</text>\n"
            }
            out += "<text x=\"\(f(left + plotW + 12))\" y=\"\(f(y0 + 14 + Double(info.arms.count) * 18 + 8))\" font-size=\"10\" fill=\"#555\">line: median</text>\n"
            out += "<text x=\"\(f(left + plotW + 12))\" y=\"\(f(y0 + 14 + Double(info.arms.count) * 18 + 22))\" font-size=\"10\" fill=\"#555\">bands: 25–75th, 5–95th</text>\n"
            out += "</g>\n"
        }
        // The disclaimer in two lines (it is wider than the figure in one).
        let words = OsteoSimInfo.disclaimer.split(separator: " ")
        let half = words.count / 2
        for (i, line) in [words[..<half].joined(separator: " "), words[half...].joined(separator: " ")].enumerated() {
            out += "<text x=\"\(left)\" y=\"\(Int(height - 26 + Double(i) * 13))\" font-size=\"10\" fill=\"#555\">\(Self.xml(line))</text>\n"
        }
        out += "</svg>\n"
        return out
    }
}
