// SPDX-License-Identifier: LGPL-3.0-or-later
public enum QFracture2012Info { public static let name = "QFracture2012" }
