/** The `camel` command of Camel JBang, run from the classpath .ci/camel builds: the launcher JBang would start. */
public class CamelCli {
    public static void main(String[] args) {
        org.apache.camel.dsl.jbang.core.commands.CamelJBangMain.run(args);
    }
}
