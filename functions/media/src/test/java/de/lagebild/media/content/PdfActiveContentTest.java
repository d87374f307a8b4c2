package de.lagebild.media.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.lagebild.common.problem.ProblemException;
import de.lagebild.common.problem.ProblemKind;
import de.lagebild.media.testing.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PDFs that would run something in a viewer are refused, however the names are written or packed. */
class PdfActiveContentTest {

    private static final String JAVASCRIPT_ACTION = "<< /S /JavaScript /JS (app.alert('x')) >>";

    @TempDir
    Path dir;

    @Test
    void aPlainPdfPasses() throws IOException {
        assertThatCode(() -> check(TestFiles.pdf())).doesNotThrowAnyException();
    }

    @Test
    void anOpeningActionThatJumpsToAPagePasses() throws IOException {
        assertThatCode(() -> check(TestFiles.pdf("/OpenAction [3 0 R /Fit]"))).doesNotThrowAnyException();
    }

    @Test
    void javaScriptRunOnOpeningIsRefused() throws IOException {
        assertRefused(TestFiles.pdf("/OpenAction " + JAVASCRIPT_ACTION));
    }

    @Test
    void javaScriptBehindAReferenceIsRefused() throws IOException {
        assertRefused(TestFiles.pdf("/OpenAction 5 0 R", JAVASCRIPT_ACTION));
    }

    @Test
    void javaScriptWithAnEscapedNameIsRefused() throws IOException {
        assertRefused(TestFiles.pdf("/OpenAction << /S /J#61vaScript /J#53 (app.alert('x')) >>"));
    }

    @Test
    void javaScriptInACompressedObjectStreamIsRefused() throws IOException {
        String packed = TestFiles.compressedStream("/Type /ObjStm /N 1 /First 4", "6 0 " + JAVASCRIPT_ACTION);
        assertRefused(TestFiles.pdf("/OpenAction 6 0 R", packed));
    }

    @Test
    void launchingAProgramAndEmbeddedFilesAreRefused() throws IOException {
        assertRefused(TestFiles.pdf("/OpenAction << /S /Launch /F (cmd.exe) >>"));
        assertRefused(TestFiles.pdf("/Names << /EmbeddedFiles 5 0 R >>", "<< /Names [] >>"));
    }

    @Test
    void namesInsideOtherStreamsAreNotReadSoBinaryDataCannotLookLikeThem() throws IOException {
        String contents = TestFiles.compressedStream("", "/JS (not a dictionary, page contents) Tj");
        String raw = "<< /Length 10 >>\nstream\n/JS /XFA x\nendstream";
        assertThatCode(() -> check(TestFiles.pdf("", contents, raw))).doesNotThrowAnyException();
    }

    @Test
    void aDamagedObjectStreamIsRefusedRatherThanLeftUnchecked() throws IOException {
        String broken = "<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length 8 >>\nstream\nnot-zlib\nendstream";
        assertRefused(TestFiles.pdf("", broken));
    }

    private void assertRefused(byte[] pdf) throws IOException {
        assertThatThrownBy(() -> check(pdf)).isInstanceOfSatisfying(ProblemException.class,
                problem -> assertThat(problem.kind()).isEqualTo(ProblemKind.UNPROCESSABLE));
    }

    private void check(byte[] pdf) throws IOException {
        Path file = Files.createTempFile(dir, "upload", ".pdf");
        Files.write(file, pdf);
        PdfActiveContent.refuseActive(file);
    }
}
