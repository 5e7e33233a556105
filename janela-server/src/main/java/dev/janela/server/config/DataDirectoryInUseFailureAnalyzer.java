package dev.janela.server.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A start on a data directory another Janela holds, told in two lines rather than a stack trace's two hundred. */
class DataDirectoryInUseFailureAnalyzer extends AbstractFailureAnalyzer<DataDirectoryInUseException> {
    @Override
    protected FailureAnalysis analyze(Throwable failure, DataDirectoryInUseException cause) {
        return new FailureAnalysis("Another Janela is using the data directory " + cause.directory() + ".",
                "Stop that Janela, or start this one with another --data-dir.", cause);
    }
}
