package dev.llamatrace.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** {@code llamatrace-bom} manages every published module of the build, at the build's version. */
class BomTests {

    private static final Path ROOT = Path.of("..");

    @Test
    void bomManagesEveryPublishedModuleAtTheBuildsVersion() throws Exception {
        Document parent = read(ROOT.resolve("pom.xml"));
        Document bom = read(ROOT.resolve("llamatrace-bom/pom.xml"));
        assertThat(child(bom.getDocumentElement(), "version")).isEqualTo(child(parent.getDocumentElement(), "version"));
        List<String> published = new ArrayList<>();
        NodeList modules = parent.getElementsByTagName("module");
        for (int i = 0; i < modules.getLength(); i++) {
            String module = modules.item(i).getTextContent();
            Document pom = read(ROOT.resolve(module).resolve("pom.xml"));
            boolean skipped = pom.getElementsByTagName("maven.deploy.skip").getLength() > 0;
            if (!skipped && !"pom".equals(child(pom.getDocumentElement(), "packaging"))) {
                published.add(child(pom.getDocumentElement(), "artifactId"));
            }
        }
        List<String> managed = new ArrayList<>();
        NodeList dependencies = bom.getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            assertThat(child(dependency, "version")).isEqualTo("${project.version}");
            managed.add(child(dependency, "artifactId"));
        }
        assertThat(published).isNotEmpty();
        assertThat(managed).containsExactlyInAnyOrderElementsOf(published);
    }

    private static Document read(Path pom) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    }

    private static String child(Element element, String name) {
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child && child.getTagName().equals(name)) {
                return child.getTextContent().strip();
            }
        }
        return "";
    }
}
