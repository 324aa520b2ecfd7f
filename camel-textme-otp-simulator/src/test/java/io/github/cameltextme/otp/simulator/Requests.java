package io.github.cameltextme.otp.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Request bodies in the API's JSON form. */
final class Requests {

    static final String SOURCE = "DemoAPI";

    private Requests() {
    }

    static ObjectNode sendOtp(String username, String phone) {
        ObjectNode request = command("send_otp", username);
        fields(request).put("phone", phone).put("source", SOURCE);
        return request;
    }

    static ObjectNode validateOtp(String username, String phone, String code) {
        ObjectNode request = command("validate_otp", username);
        fields(request).put("phone", phone).put("code", code);
        return request;
    }

    static ObjectNode balance(String username) {
        return command("balance", username);
    }

    /** The command object inside {@code request}, to add or change fields. */
    static ObjectNode fields(ObjectNode request) {
        return (ObjectNode) request.elements().next();
    }

    private static ObjectNode command(String name, String username) {
        ObjectNode request = ApiClient.JSON.createObjectNode();
        request.putObject(name).putObject("user").put("username", username);
        return request;
    }
}
