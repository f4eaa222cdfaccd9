import Foundation

/// Finds and reads a dataset by name and/or directory.
public enum DatasetLoader {
    /// The four IDX file names of MNIST and Fashion-MNIST (each may also end in `.gz`).
    public static let idxFiles = (trainImages: "train-images-idx3-ubyte", trainLabels: "train-labels-idx1-ubyte",
                                  testImages: "t10k-images-idx3-ubyte", testLabels: "t10k-labels-idx1-ubyte")

    /// Loads `name` (the embedded digits when nil and no directory is given) from `directory`,
    /// or from the name's default directory; with only a directory, the format is detected from its files.
    public static func load(_ name: DatasetName?, directory: URL? = nil) throws(DatasetError) -> TrainTestSets {
        switch try source(name, directory: directory) {
        case .digits: return try DigitsDataset.load()
        case let .idx(folder, name, displayName): return try loadIDX(from: folder, name: name, displayName: displayName)
        case let .cifar(folder): return try loadCIFAR10(from: folder)
        }
    }

    /// The files `load` reads for the same arguments (each the plain file, else its `.gz`), in a fixed
    /// order; empty for the embedded digits, which ship inside the package.
    public static func files(_ name: DatasetName?, directory: URL? = nil) throws(DatasetError) -> [URL] {
        switch try source(name, directory: directory) {
        case .digits:
            return []
        case let .idx(folder, _, _):
            return [idxFiles.trainImages, idxFiles.trainLabels, idxFiles.testImages, idxFiles.testLabels].map { locate($0, in: folder) }
        case let .cifar(folder):
            let batches = cifarDirectory(in: folder) ?? folder
            return (CIFAR10Reader.trainFiles + [CIFAR10Reader.testFile]).map { batches.appendingPathComponent($0) }
        }
    }

    /// The bytes of a dataset file as the readers see them: inflated when it is gzip-compressed.
    public static func contents(of file: URL, dataset: String) throws(DatasetError) -> [UInt8] {
        try FileBytes.read(file, dataset: dataset)
    }

    /// Where a load reads from, resolved in one place so that `load` and `files` always agree.
    private enum Source {
        case digits
        case idx(URL, name: String, displayName: String)
        case cifar(URL)
    }

    private static func source(_ name: DatasetName?, directory: URL?) throws(DatasetError) -> Source {
        switch (name, directory) {
        case (nil, nil), (.digits?, _):
            return .digits
        case let (nil, directory?):
            try requireDirectory(directory)
            if cifarDirectory(in: directory) != nil { return .cifar(directory) }
            if idxPresence(in: directory).contains(true) {
                return .idx(directory, name: directory.standardizedFileURL.lastPathComponent, displayName: "IDX")
            }
            throw .wrongDirectory(path: directory.path, dataset: "MNIST-style or CIFAR-10",
                                  expected: "\(idxFiles.trainImages)[.gz] and the other IDX files, or \(CIFAR10Reader.trainFiles[0]) and the other CIFAR-10 batches")
        case let (name?, directory):
            let chosen: URL
            if let directory { chosen = directory } else { chosen = try defaultDirectory(for: name) }
            try requireDirectory(chosen)
            switch name {
            case .digits: return .digits
            case .fashionMNIST, .mnist: return .idx(chosen, name: name.rawValue, displayName: name.displayName)
            case .cifar10: return .cifar(chosen)
            }
        }
    }

    /// Reads the four IDX files from `directory`.
    public static func loadIDX(from directory: URL, name: String, displayName: String) throws(DatasetError) -> TrainTestSets {
        let presence = idxPresence(in: directory)
        guard presence.contains(true) else {
            throw .wrongDirectory(path: directory.path, dataset: displayName,
                                  expected: "\(idxFiles.trainImages)[.gz], \(idxFiles.trainLabels)[.gz], \(idxFiles.testImages)[.gz], \(idxFiles.testLabels)[.gz]")
        }
        let train = try IDXReader.read(images: locate(idxFiles.trainImages, in: directory),
                                       labels: locate(idxFiles.trainLabels, in: directory), name: "\(name)/train")
        let test = try IDXReader.read(images: locate(idxFiles.testImages, in: directory),
                                      labels: locate(idxFiles.testLabels, in: directory), name: "\(name)/test")
        guard train.height == test.height, train.width == test.width else {
            throw .shapeMismatch(train: "\(train.height)×\(train.width)", test: "\(test.height)×\(test.width)")
        }
        return TrainTestSets(train: train, test: test)
    }

    /// Reads the CIFAR-10 binary batches from `directory` (or its `cifar-10-batches-bin` subdirectory).
    public static func loadCIFAR10(from directory: URL) throws(DatasetError) -> TrainTestSets {
        guard let folder = cifarDirectory(in: directory) else {
            throw .wrongDirectory(path: directory.path, dataset: "CIFAR-10",
                                  expected: "data_batch_1.bin … data_batch_5.bin and test_batch.bin")
        }
        let train = try CIFAR10Reader.read(files: CIFAR10Reader.trainFiles, in: folder, name: "cifar10/train")
        let test = try CIFAR10Reader.read(files: [CIFAR10Reader.testFile], in: folder, name: "cifar10/test")
        return TrainTestSets(train: train, test: test)
    }

    /// The first existing default directory of `name`, or an error naming where it was looked for.
    static func defaultDirectory(for name: DatasetName) throws(DatasetError) -> URL {
        let candidates = name.defaultDirectories
        if let found = candidates.first(where: { isDirectory($0) }) { return found }
        throw .missingFile(path: candidates.first?.path ?? name.rawValue, dataset: name.displayName)
    }

    private static func requireDirectory(_ url: URL) throws(DatasetError) {
        guard isDirectory(url) else { throw .notADirectory(path: url.path) }
    }

    private static func isDirectory(_ url: URL) -> Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &flag) && flag.boolValue
    }

    private static func exists(_ url: URL) -> Bool { FileManager.default.fileExists(atPath: url.path) }

    /// The plain file if present, else the `.gz` one, else the plain path (so the read names it as missing).
    private static func locate(_ file: String, in directory: URL) -> URL {
        let plain = directory.appendingPathComponent(file)
        let gzip = directory.appendingPathComponent(file + ".gz")
        return !exists(plain) && exists(gzip) ? gzip : plain
    }

    private static func idxPresence(in directory: URL) -> [Bool] {
        [idxFiles.trainImages, idxFiles.trainLabels, idxFiles.testImages, idxFiles.testLabels].map { file in
            exists(directory.appendingPathComponent(file)) || exists(directory.appendingPathComponent(file + ".gz"))
        }
    }

    private static func cifarDirectory(in directory: URL) -> URL? {
        let nested = directory.appendingPathComponent("cifar-10-batches-bin")
        for folder in [directory, nested] where exists(folder.appendingPathComponent(CIFAR10Reader.trainFiles[0]))
            || exists(folder.appendingPathComponent(CIFAR10Reader.testFile)) {
            return folder
        }
        return nil
    }
}
