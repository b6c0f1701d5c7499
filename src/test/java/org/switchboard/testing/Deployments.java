package org.switchboard.testing;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Test deployments are the real build, {@code target/switchboard.war}, as shipped. In-container
 * tests add their classes and open the Arquillian runner servlet, which the WAR's "everything needs
 * sign-in" constraint would otherwise hide.
 */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive shippedWar() {
        File war = new File(System.getProperty("switchboard.war", "target/switchboard.war"));
        if (!war.isFile()) {
            throw new IllegalStateException(war + " is missing: run the tests with 'mvn verify', which packages the WAR first");
        }
        return ShrinkWrap.create(ZipImporter.class, "switchboard.war").importFrom(war).as(WebArchive.class);
    }

    public static WebArchive inContainer(Class<?>... testClasses) {
        WebArchive war = shippedWar();
        war.addClasses(testClasses).addClasses(TestTransactions.class, Fixtures.class);
        String webXml = read(war, "WEB-INF/web.xml");
        String runnerOpen = """
                    <security-constraint>
                        <web-resource-collection>
                            <web-resource-name>Arquillian test runner</web-resource-name>
                            <url-pattern>/ArquillianServletRunnerEE9</url-pattern>
                            <url-pattern>/ArquillianServletRunner</url-pattern>
                        </web-resource-collection>
                    </security-constraint>
                </web-app>""";
        war.delete("WEB-INF/web.xml");
        war.addAsWebInfResource(new StringAsset(webXml.replace("</web-app>", runnerOpen)), "web.xml");
        return war;
    }

    private static String read(WebArchive war, String path) {
        try (InputStream in = war.get(path).getAsset().openStream(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
