package org.vnetlab.console.report;

import java.nio.file.Path;
import org.vnetlab.config.ReferenceDataset;
import org.vnetlab.config.ScenarioLoader;

/** Writes the report of {@link StudyResults#all()} to the directory given: to look at it by hand. */
public final class ReportSmoke {

    private ReportSmoke() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println(new Report(new ScenarioLoader(), ReferenceDataset.study())
                .write(StudyResults.all(), Path.of(args[0])));
    }
}
